//! # ERC-20 token
//!
//! A fungible token with the ERC-20 interface, written for Sharechain as the reference contract
//! of weight comparisons: the lease and ride contracts are measured against a `transfer` of
//! this token. See `README.md` next to this file.
//!
//! - The instantiator receives the whole fixed supply ([`Erc20::new`]).
//! - Holders [`transfer`](Erc20::transfer) tokens, [`approve`](Erc20::approve) a spender for
//!   an allowance, and spenders [`transfer_from`](Erc20::transfer_from) within it.
//! - Every movement emits [`Transfer`](erc20::Transfer), every approval
//!   [`Approval`](erc20::Approval). Minting after instantiation and burning do not exist.
//!
//! It uses ink!'s default environment (no chain extension), so it runs on any chain with
//! `pallet-contracts`.

#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract]
mod erc20 {
	use ink::storage::Mapping;

	/// A fixed-supply ERC-20 token.
	#[ink(storage)]
	pub struct Erc20 {
		/// Tokens in existence; never changes after instantiation.
		total_supply: Balance,
		/// Tokens held per account (absent = 0).
		balances: Mapping<AccountId, Balance>,
		/// What a spender may still move from an owner's balance, keyed `(owner, spender)`
		/// (absent = 0).
		allowances: Mapping<(AccountId, AccountId), Balance>,
	}

	/// Tokens moved from one account to another. `from` is `None` for the supply created at
	/// instantiation.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct Transfer {
		/// The sender (`None` at instantiation).
		#[ink(topic)]
		pub from: Option<AccountId>,
		/// The receiver.
		#[ink(topic)]
		pub to: Option<AccountId>,
		/// The amount moved.
		pub value: Balance,
	}

	/// An owner set a spender's allowance.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct Approval {
		/// The owner of the tokens.
		#[ink(topic)]
		pub owner: AccountId,
		/// The account allowed to move them.
		#[ink(topic)]
		pub spender: AccountId,
		/// The new allowance (it replaces the previous one).
		pub value: Balance,
	}

	/// Why a transfer was refused. A refused message changes nothing.
	#[derive(Debug, Copy, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub enum Error {
		/// The sender holds fewer tokens than the amount.
		InsufficientBalance,
		/// The caller's allowance from the owner is smaller than the amount.
		InsufficientAllowance,
	}

	/// The result of a token message.
	pub type Result<T> = core::result::Result<T, Error>;

	impl Erc20 {
		/// Creates the token with `total_supply` tokens, all held by the caller. Emits
		/// [`Transfer`] from `None` to the caller.
		#[ink(constructor)]
		pub fn new(total_supply: Balance) -> Self {
			let creator = Self::env().caller();
			let mut balances = Mapping::default();
			balances.insert(creator, &total_supply);
			Self::env().emit_event(Transfer { from: None, to: Some(creator), value: total_supply });
			Self { total_supply, balances, allowances: Mapping::default() }
		}

		/// Tokens in existence.
		#[ink(message)]
		pub fn total_supply(&self) -> Balance {
			self.total_supply
		}

		/// Tokens held by `owner` (0 for an account that never held any).
		#[ink(message)]
		pub fn balance_of(&self, owner: AccountId) -> Balance {
			self.balance(owner)
		}

		/// What `spender` may still move from `owner`'s balance.
		#[ink(message)]
		pub fn allowance(&self, owner: AccountId, spender: AccountId) -> Balance {
			self.allowance_of(owner, spender)
		}

		/// Moves `value` tokens from the caller to `to`. Emits [`Transfer`].
		///
		/// # Errors
		///
		/// [`Error::InsufficientBalance`] if the caller holds fewer than `value` tokens.
		#[ink(message)]
		pub fn transfer(&mut self, to: AccountId, value: Balance) -> Result<()> {
			let from = self.env().caller();
			self.move_tokens(from, to, value)
		}

		/// Lets `spender` move up to `value` of the caller's tokens, replacing any previous
		/// allowance (0 revokes it). Emits [`Approval`].
		///
		/// # Errors
		///
		/// None; the `Result` keeps the ERC-20 interface uniform.
		#[ink(message)]
		pub fn approve(&mut self, spender: AccountId, value: Balance) -> Result<()> {
			let owner = self.env().caller();
			self.allowances.insert((owner, spender), &value);
			self.env().emit_event(Approval { owner, spender, value });
			Ok(())
		}

		/// Moves `value` of `from`'s tokens to `to` on behalf of the caller, spending the
		/// caller's allowance from `from`. Emits [`Transfer`].
		///
		/// # Errors
		///
		/// [`Error::InsufficientAllowance`] if the caller's allowance is below `value`,
		/// [`Error::InsufficientBalance`] if `from` holds fewer than `value` tokens.
		#[ink(message)]
		pub fn transfer_from(
			&mut self,
			from: AccountId,
			to: AccountId,
			value: Balance,
		) -> Result<()> {
			let spender = self.env().caller();
			let left = self
				.allowance_of(from, spender)
				.checked_sub(value)
				.ok_or(Error::InsufficientAllowance)?;
			// Checks the balance before it writes anything.
			self.move_tokens(from, to, value)?;
			self.allowances.insert((from, spender), &left);
			Ok(())
		}

		fn balance(&self, owner: AccountId) -> Balance {
			self.balances.get(owner).unwrap_or_default()
		}

		fn allowance_of(&self, owner: AccountId, spender: AccountId) -> Balance {
			self.allowances.get((owner, spender)).unwrap_or_default()
		}

		/// Moves `value` from `from` to `to` (which may be the same account), or writes nothing
		/// and fails if `from` holds too little.
		fn move_tokens(&mut self, from: AccountId, to: AccountId, value: Balance) -> Result<()> {
			let from_left =
				self.balance(from).checked_sub(value).ok_or(Error::InsufficientBalance)?;
			self.balances.insert(from, &from_left);
			// Read after the write so that a transfer to oneself changes nothing. Saturation never
			// happens: all balances together are the total supply, a `Balance`.
			let to_now = self.balance(to).saturating_add(value);
			self.balances.insert(to, &to_now);
			self.env().emit_event(Transfer { from: Some(from), to: Some(to), value });
			Ok(())
		}
	}

	#[cfg(test)]
	mod tests {
		use super::*;
		use ink::{
			env::{test, DefaultEnvironment as Env},
			scale::Decode,
		};

		const SUPPLY: Balance = 1_000_000;

		fn accounts() -> test::DefaultAccounts<Env> {
			test::default_accounts::<Env>()
		}

		fn as_caller(who: AccountId) {
			test::set_caller::<Env>(who);
		}

		/// Alice instantiates with [`SUPPLY`].
		fn token() -> Erc20 {
			as_caller(accounts().alice);
			Erc20::new(SUPPLY)
		}

		/// The events of type `E` emitted so far, in order.
		fn events<E: ink::env::Event + Decode>() -> Vec<E> {
			let Some(signature) = E::SIGNATURE_TOPIC else { return Vec::new() };
			test::recorded_events()
				.filter(|event| event.topics.first().map(Vec::as_slice) == Some(&signature[..]))
				.map(|event| E::decode(&mut &event.data[..]).expect("event decodes"))
				.collect()
		}

		fn balances(token: &Erc20) -> [Balance; 3] {
			let a = accounts();
			[a.alice, a.bob, a.charlie].map(|who| token.balance_of(who))
		}

		#[ink::test]
		fn new_gives_the_supply_to_the_creator() {
			let token = token();
			let a = accounts();
			assert_eq!(token.total_supply(), SUPPLY);
			assert_eq!(balances(&token), [SUPPLY, 0, 0]);
			assert_eq!(
				events::<Transfer>(),
				vec![Transfer { from: None, to: Some(a.alice), value: SUPPLY }]
			);
		}

		#[ink::test]
		fn transfer_moves_tokens_and_emits() {
			let mut token = token();
			let a = accounts();
			assert_eq!(token.transfer(a.bob, 100), Ok(()));
			assert_eq!(balances(&token), [SUPPLY - 100, 100, 0]);
			as_caller(a.bob);
			assert_eq!(token.transfer(a.charlie, 40), Ok(()));
			assert_eq!(balances(&token), [SUPPLY - 100, 60, 40]);
			assert_eq!(token.total_supply(), SUPPLY);
			let transfers = events::<Transfer>();
			assert_eq!(transfers.len(), 3);
			assert_eq!(transfers[1], Transfer { from: Some(a.alice), to: Some(a.bob), value: 100 });
			assert_eq!(
				transfers[2],
				Transfer { from: Some(a.bob), to: Some(a.charlie), value: 40 }
			);
		}

		#[ink::test]
		fn transfer_beyond_the_balance_is_refused_and_changes_nothing() {
			let mut token = token();
			let a = accounts();
			as_caller(a.bob);
			assert_eq!(token.transfer(a.charlie, 1), Err(Error::InsufficientBalance));
			as_caller(a.alice);
			assert_eq!(token.transfer(a.bob, SUPPLY + 1), Err(Error::InsufficientBalance));
			assert_eq!(balances(&token), [SUPPLY, 0, 0]);
			assert_eq!(events::<Transfer>().len(), 1, "only the instantiation");
		}

		#[ink::test]
		fn transfer_to_oneself_and_of_zero_change_no_balance() {
			let mut token = token();
			let a = accounts();
			assert_eq!(token.transfer(a.alice, 500), Ok(()));
			assert_eq!(token.transfer(a.bob, 0), Ok(()));
			assert_eq!(balances(&token), [SUPPLY, 0, 0]);
		}

		#[ink::test]
		fn approve_sets_and_replaces_the_allowance() {
			let mut token = token();
			let a = accounts();
			assert_eq!(token.allowance(a.alice, a.bob), 0);
			assert_eq!(token.approve(a.bob, 300), Ok(()));
			assert_eq!(token.allowance(a.alice, a.bob), 300);
			assert_eq!(token.approve(a.bob, 50), Ok(()));
			assert_eq!(token.allowance(a.alice, a.bob), 50);
			assert_eq!(token.allowance(a.bob, a.alice), 0, "allowances are directed");
			assert_eq!(
				events::<Approval>(),
				vec![
					Approval { owner: a.alice, spender: a.bob, value: 300 },
					Approval { owner: a.alice, spender: a.bob, value: 50 },
				]
			);
		}

		#[ink::test]
		fn transfer_from_spends_the_allowance() {
			let mut token = token();
			let a = accounts();
			assert_eq!(token.approve(a.bob, 300), Ok(()));
			as_caller(a.bob);
			assert_eq!(token.transfer_from(a.alice, a.charlie, 120), Ok(()));
			assert_eq!(balances(&token), [SUPPLY - 120, 0, 120]);
			assert_eq!(token.allowance(a.alice, a.bob), 180);
			assert_eq!(
				events::<Transfer>().last(),
				Some(&Transfer { from: Some(a.alice), to: Some(a.charlie), value: 120 })
			);
		}

		#[ink::test]
		fn transfer_from_beyond_the_allowance_is_refused() {
			let mut token = token();
			let a = accounts();
			assert_eq!(token.approve(a.bob, 100), Ok(()));
			as_caller(a.bob);
			assert_eq!(
				token.transfer_from(a.alice, a.charlie, 101),
				Err(Error::InsufficientAllowance)
			);
			as_caller(a.charlie);
			assert_eq!(
				token.transfer_from(a.alice, a.charlie, 1),
				Err(Error::InsufficientAllowance)
			);
			assert_eq!(balances(&token), [SUPPLY, 0, 0]);
			assert_eq!(token.allowance(a.alice, a.bob), 100);
		}

		#[ink::test]
		fn transfer_from_beyond_the_owners_balance_is_refused() {
			let mut token = token();
			let a = accounts();
			assert_eq!(token.transfer(a.bob, 10), Ok(()));
			as_caller(a.bob);
			assert_eq!(token.approve(a.charlie, 1_000), Ok(()));
			as_caller(a.charlie);
			assert_eq!(token.transfer_from(a.bob, a.charlie, 11), Err(Error::InsufficientBalance));
			assert_eq!(balances(&token), [SUPPLY - 10, 10, 0]);
			assert_eq!(token.allowance(a.bob, a.charlie), 1_000, "the allowance is not spent");
		}

		#[ink::test]
		fn errors_encode_as_their_declaration_index() {
			use ink::scale::Encode;
			assert_eq!(Error::InsufficientBalance.encode(), [0]);
			assert_eq!(Error::InsufficientAllowance.encode(), [1]);
		}
	}
}
