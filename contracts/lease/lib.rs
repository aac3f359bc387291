//! # Lease agreement
//!
//! One contract instance is one lease of one asset between the owner who instantiates it and
//! the tenant who accepts it; an arbiter named at instantiation settles damage disputes.
//! See `README.md` next to this file for the message flow, the states and the records filed.
//!
//! - The owner lists the asset: rent per period, deposit, number of periods, period length and
//!   grace (in blocks), minimum tenant credit score, arbiter, early-termination penalty.
//! - A tenant with enough score accepts by paying exactly deposit + first rent into escrow.
//! - Rent for each later period is paid to the owner once the period has started; paying
//!   within the grace period files an on-time record, later a late-payment record. Past the
//!   grace period the owner may take the rent from the deposit (late-payment record); if the
//!   deposit cannot cover it, the owner takes what is left and the lease ends in default.
//! - After the last period the tenant returns the asset; the owner confirms (deposit back to
//!   the tenant, completed-deal records for both) or claims damage, which the arbiter splits.
//! - Before the end either side may walk away only by paying the agreed penalty to the other.
//!
//! Credit records are filed through the Sharechain chain extension with this contract's
//! account as reporter. Filing never blocks money: if the runtime refuses a record (e.g. the
//! contract is not a registered reporter), the message still succeeds and emits
//! [`RecordNotFiled`](lease::RecordNotFiled) with the reason.

#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract(env = sharechain_extension::SharechainEnvironment)]
mod lease {
	use ink::env::hash::Blake2x256;
	use sharechain_extension::{ExtensionError, RecordKind};

	/// Domain of deal references: records filed by a lease use
	/// `blake2_256(SCALE(DEAL_DOMAIN, contract account, kind as u8, index as u32))`.
	pub const DEAL_DOMAIN: [u8; 16] = *b"sharechain/lease";

	/// The weight of every credit record a lease files.
	pub const RECORD_WEIGHT: u32 = 1;

	/// The highest credit score; `min_score` above it could never be met.
	pub const MAX_SCORE: u16 = sharechain_extension::MAX_SCORE;

	/// Where a lease is in its life.
	#[derive(Debug, Copy, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
	pub enum LeaseState {
		/// Listed by the owner, waiting for a tenant.
		Listed,
		/// Accepted: the tenant has the asset and pays rent each period.
		Active,
		/// The asset is back (after the last period, or after an early termination); the
		/// owner confirms or claims damage.
		Returned,
		/// The owner claimed damage; the arbiter decides the split of the deposit.
		Disputed,
		/// Ended cleanly: the deposit went back to the tenant.
		Completed,
		/// Ended by the arbiter's decision on a damage claim.
		Resolved,
		/// Ended early by one side (who paid the penalty), asset returned and settled.
		Terminated,
		/// Ended because the deposit could not cover overdue rent.
		Defaulted,
		/// The listing was withdrawn before anyone accepted it.
		Cancelled,
	}

	/// The agreed terms and parties.
	#[derive(Debug, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub struct LeaseDetails {
		/// The owner (who instantiated the contract).
		pub owner: AccountId,
		/// The arbiter of damage disputes.
		pub arbiter: AccountId,
		/// The tenant, once the lease is accepted.
		pub tenant: Option<AccountId>,
		/// Digest identifying the asset (computed off chain).
		pub asset: [u8; 32],
		/// Rent per period.
		pub rent: Balance,
		/// Deposit held in escrow for the lease.
		pub deposit: Balance,
		/// Number of periods.
		pub periods: u32,
		/// Length of a period, in blocks.
		pub period_length: BlockNumber,
		/// Blocks after a period starts within which its rent counts as on time; also the
		/// owner's review window after the asset is returned.
		pub grace: BlockNumber,
		/// The lowest credit score a tenant may have.
		pub min_score: u16,
		/// What a side pays the other to end the lease early.
		pub penalty: Balance,
	}

	/// Where the money and the schedule stand.
	#[derive(Debug, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub struct DueInfo {
		/// The lease's state.
		pub state: LeaseState,
		/// The block the lease was accepted at (period 0 starts there).
		pub start: Option<BlockNumber>,
		/// The block the last period ends at.
		pub end: Option<BlockNumber>,
		/// How many periods' rent is settled (paid, or taken from the deposit).
		pub periods_paid: u32,
		/// The next period whose rent is owed, while the lease is active.
		pub next_period: Option<u32>,
		/// The block that period starts at: its rent can be paid from then on.
		pub next_due: Option<BlockNumber>,
		/// After this block the rent is late and the owner may take it from the deposit.
		pub overdue_after: Option<BlockNumber>,
		/// Deposit still held in escrow.
		pub deposit_held: Balance,
		/// First rent still held in escrow.
		pub rent_escrow: Balance,
		/// The block from which the owner may collect the first rent.
		pub rent_escrow_unlocks: Option<BlockNumber>,
		/// Damage the owner claimed (while disputed, and after).
		pub damage_claimed: Balance,
		/// The block the asset was returned or the lease terminated early.
		pub returned_at: Option<BlockNumber>,
		/// After this block the tenant may confirm the return itself, while returned.
		pub review_ends: Option<BlockNumber>,
		/// Who ended the lease early, if anyone.
		pub terminated_by: Option<AccountId>,
	}

	/// A lease agreement for one asset.
	#[ink(storage)]
	pub struct Lease {
		owner: AccountId,
		arbiter: AccountId,
		asset: [u8; 32],
		rent: Balance,
		deposit: Balance,
		periods: u32,
		period_length: BlockNumber,
		grace: BlockNumber,
		min_score: u16,
		penalty: Balance,
		state: LeaseState,
		tenant: Option<AccountId>,
		/// Block of acceptance: period `i` starts at `start + i * period_length`.
		start: BlockNumber,
		/// `start + periods * period_length`.
		end: BlockNumber,
		/// Periods whose rent is settled; period 0 is paid on acceptance.
		periods_paid: u32,
		/// Deposit in escrow.
		deposit_held: Balance,
		/// First rent in escrow.
		rent_escrow: Balance,
		/// Damage claimed by the owner.
		damage_claimed: Balance,
		returned_at: Option<BlockNumber>,
		terminated_by: Option<AccountId>,
	}

	/// The lease was listed.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct Listed {
		/// The owner.
		#[ink(topic)]
		pub owner: AccountId,
		/// The arbiter.
		pub arbiter: AccountId,
		/// The asset digest.
		pub asset: [u8; 32],
		/// Rent per period.
		pub rent: Balance,
		/// Deposit.
		pub deposit: Balance,
		/// Number of periods.
		pub periods: u32,
	}

	/// A tenant accepted the lease and paid deposit and first rent into escrow.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct Accepted {
		/// The tenant.
		#[ink(topic)]
		pub tenant: AccountId,
		/// The tenant's credit score when accepting.
		pub score: u16,
		/// The block period 0 starts at.
		pub start: BlockNumber,
		/// The block the last period ends at.
		pub end: BlockNumber,
	}

	/// The tenant paid a period's rent to the owner.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RentPaid {
		/// The tenant.
		#[ink(topic)]
		pub tenant: AccountId,
		/// The period paid for.
		pub period: u32,
		/// The amount paid.
		pub amount: Balance,
		/// Whether it was paid after the grace period.
		pub late: bool,
	}

	/// The owner took an overdue period's rent from the deposit.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct LateRentClaimed {
		/// The tenant.
		#[ink(topic)]
		pub tenant: AccountId,
		/// The period.
		pub period: u32,
		/// The amount taken.
		pub amount: Balance,
		/// Deposit left in escrow.
		pub deposit_left: Balance,
	}

	/// The deposit could not cover overdue rent: the owner took what was left, the lease ended.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct Defaulted {
		/// The tenant.
		#[ink(topic)]
		pub tenant: AccountId,
		/// The period whose rent could not be covered.
		pub period: u32,
		/// What the owner received (deposit left and any escrowed first rent).
		pub seized: Balance,
	}

	/// The escrowed first rent was paid out.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RentReleased {
		/// Who received it (the owner, or the tenant when the owner ended the lease in period 0).
		#[ink(topic)]
		pub to: AccountId,
		/// The amount.
		pub amount: Balance,
	}

	/// The tenant returned the asset after the last period.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct AssetReturned {
		/// The tenant.
		#[ink(topic)]
		pub tenant: AccountId,
		/// The block.
		pub at: BlockNumber,
	}

	/// The return was confirmed and the deposit went back to the tenant.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct ReturnConfirmed {
		/// Who confirmed (the owner, or the tenant after the review window).
		#[ink(topic)]
		pub by: AccountId,
		/// The tenant.
		#[ink(topic)]
		pub tenant: AccountId,
		/// The deposit returned.
		pub deposit_returned: Balance,
	}

	/// The owner claimed damage; the deposit is held for the arbiter.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct DamageClaimed {
		/// The owner.
		#[ink(topic)]
		pub owner: AccountId,
		/// The tenant.
		#[ink(topic)]
		pub tenant: AccountId,
		/// The amount claimed.
		pub amount: Balance,
	}

	/// The arbiter split the deposit.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct DamageResolved {
		/// The arbiter.
		#[ink(topic)]
		pub arbiter: AccountId,
		/// Paid to the owner from the deposit.
		pub to_owner: Balance,
		/// Paid back to the tenant.
		pub to_tenant: Balance,
	}

	/// One side ended the lease early and paid the penalty to the other.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct TerminatedEarly {
		/// The side that ended it.
		#[ink(topic)]
		pub by: AccountId,
		/// The penalty paid to the other side.
		pub penalty: Balance,
	}

	/// The owner withdrew the listing.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct ListingCancelled {
		/// The owner.
		#[ink(topic)]
		pub owner: AccountId,
	}

	/// A credit record was filed.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RecordFiled {
		/// Who the record is about.
		#[ink(topic)]
		pub subject: AccountId,
		/// The record kind.
		pub kind: RecordKind,
		/// The record's id in the credit pallet.
		pub record_id: u64,
		/// The deal reference.
		pub deal: [u8; 32],
	}

	/// The runtime refused a credit record; the message went through without it.
	#[ink(event)]
	#[derive(Debug, PartialEq, Eq)]
	pub struct RecordNotFiled {
		/// Who the record would have been about.
		#[ink(topic)]
		pub subject: AccountId,
		/// The record kind.
		pub kind: RecordKind,
		/// Why (e.g. `NotReporter` when the contract is not a registered reporter).
		pub error: ExtensionError,
		/// The deal reference.
		pub deal: [u8; 32],
	}

	/// Why a message was refused. A refused message moves no funds and changes nothing.
	#[derive(Debug, Copy, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub enum Error {
		/// Terms: the rent must not be zero.
		ZeroRent,
		/// Terms: there must be at least one period.
		ZeroPeriods,
		/// Terms: a period must last at least one block.
		ZeroPeriodLength,
		/// Terms: the grace period must be shorter than a period.
		GraceNotShorterThanPeriod,
		/// Terms: the minimum score is above the highest score (1000).
		ScoreOutOfRange,
		/// Terms: the owner cannot be the arbiter.
		ArbiterIsOwner,
		/// Only the owner may do this.
		NotOwner,
		/// Only the tenant may do this.
		NotTenant,
		/// Only the arbiter may do this.
		NotArbiter,
		/// Only the owner or the tenant may do this.
		NotParty,
		/// The owner and the arbiter cannot rent the asset.
		InvalidTenant,
		/// The lease is not in a state that allows this.
		WrongState,
		/// The value sent is not exactly the amount due.
		WrongValue,
		/// The tenant's credit score is below the lease's minimum.
		ScoreTooLow,
		/// The chain extension did not answer the credit score.
		CreditScoreUnavailable,
		/// The next period has not started: its rent cannot be paid yet.
		RentNotDue,
		/// Every period's rent is already settled.
		AllRentPaid,
		/// The rent is not past its grace period.
		NotOverdue,
		/// Rent that is due has not been paid.
		RentOutstanding,
		/// The last period has not ended.
		LeaseNotOver,
		/// The last period has ended: return the asset instead.
		LeaseOver,
		/// The owner's review window after the return is still open.
		ReviewWindowOpen,
		/// The amount is zero, or more than the deposit held, or more than the claim.
		InvalidAmount,
		/// There is no escrowed rent to collect.
		NothingToCollect,
		/// The first period has not ended: the escrowed rent stays.
		RentEscrowLocked,
		/// An arithmetic overflow (terms too large).
		Overflow,
		/// A transfer out of the contract failed.
		TransferFailed,
	}

	/// The result of a lease message.
	pub type Result<T> = core::result::Result<T, Error>;

	impl Lease {
		/// Lists an asset for lease; the caller is the owner.
		///
		/// `asset` is a digest identifying the asset; `rent` is due per period of
		/// `period_length` blocks for `periods` periods; `grace` blocks after a period
		/// starts, its rent is late. `min_score` is the lowest credit score a tenant may
		/// have, `arbiter` decides damage disputes and `penalty` is what a side pays the
		/// other to end the lease early. Emits [`Listed`].
		///
		/// # Errors
		///
		/// [`Error::ZeroRent`], [`Error::ZeroPeriods`], [`Error::ZeroPeriodLength`],
		/// [`Error::GraceNotShorterThanPeriod`], [`Error::ScoreOutOfRange`],
		/// [`Error::ArbiterIsOwner`], or [`Error::Overflow`] if deposit + rent or the
		/// lease's length in blocks does not fit.
		#[ink(constructor)]
		#[allow(clippy::too_many_arguments)]
		pub fn new(
			asset: [u8; 32],
			rent: Balance,
			deposit: Balance,
			periods: u32,
			period_length: BlockNumber,
			grace: BlockNumber,
			min_score: u16,
			arbiter: AccountId,
			penalty: Balance,
		) -> Result<Self> {
			let owner = Self::env().caller();
			if rent == 0 {
				return Err(Error::ZeroRent);
			}
			if periods == 0 {
				return Err(Error::ZeroPeriods);
			}
			if period_length == 0 {
				return Err(Error::ZeroPeriodLength);
			}
			if grace >= period_length {
				return Err(Error::GraceNotShorterThanPeriod);
			}
			if min_score > MAX_SCORE {
				return Err(Error::ScoreOutOfRange);
			}
			if arbiter == owner {
				return Err(Error::ArbiterIsOwner);
			}
			rent.checked_add(deposit).ok_or(Error::Overflow)?;
			periods.checked_mul(period_length).ok_or(Error::Overflow)?;

			Self::env().emit_event(Listed { owner, arbiter, asset, rent, deposit, periods });
			Ok(Self {
				owner,
				arbiter,
				asset,
				rent,
				deposit,
				periods,
				period_length,
				grace,
				min_score,
				penalty,
				state: LeaseState::Listed,
				tenant: None,
				start: 0,
				end: 0,
				periods_paid: 0,
				deposit_held: 0,
				rent_escrow: 0,
				damage_claimed: 0,
				returned_at: None,
				terminated_by: None,
			})
		}

		/// Accepts the lease: the caller becomes the tenant and must send exactly
		/// `deposit + rent` (held in escrow). The caller's credit score is read through the
		/// chain extension and must be at least `min_score`. Period 0 starts now and is paid.
		/// Emits [`Accepted`].
		///
		/// # Errors
		///
		/// [`Error::WrongState`] unless listed, [`Error::InvalidTenant`] for the owner or
		/// the arbiter, [`Error::WrongValue`], [`Error::CreditScoreUnavailable`],
		/// [`Error::ScoreTooLow`], [`Error::Overflow`].
		#[ink(message, payable)]
		pub fn accept(&mut self) -> Result<()> {
			self.ensure_state(LeaseState::Listed)?;
			let caller = self.env().caller();
			if caller == self.owner || caller == self.arbiter {
				return Err(Error::InvalidTenant);
			}
			let expected = self.rent.checked_add(self.deposit).ok_or(Error::Overflow)?;
			if self.env().transferred_value() != expected {
				return Err(Error::WrongValue);
			}
			let score = self
				.env()
				.extension()
				.credit_score(caller)
				.map_err(|_| Error::CreditScoreUnavailable)?;
			if score < self.min_score {
				return Err(Error::ScoreTooLow);
			}
			let now = self.env().block_number();
			let length = self.periods.checked_mul(self.period_length).ok_or(Error::Overflow)?;
			let end = now.checked_add(length).ok_or(Error::Overflow)?;

			self.tenant = Some(caller);
			self.start = now;
			self.end = end;
			self.periods_paid = 1;
			self.deposit_held = self.deposit;
			self.rent_escrow = self.rent;
			self.state = LeaseState::Active;
			self.env().emit_event(Accepted { tenant: caller, score, start: now, end });
			Ok(())
		}

		/// Pays the next period's rent (exactly `rent`), straight to the owner. The period
		/// must have started; paid within `grace` blocks of its start it files an
		/// `OnTimePayment` record on the tenant, later a `LatePayment` record. Emits
		/// [`RentPaid`] and [`RecordFiled`] or [`RecordNotFiled`].
		///
		/// # Errors
		///
		/// [`Error::NotTenant`], [`Error::WrongState`] unless active, [`Error::AllRentPaid`],
		/// [`Error::RentNotDue`], [`Error::WrongValue`], [`Error::Overflow`],
		/// [`Error::TransferFailed`].
		#[ink(message, payable)]
		pub fn pay_rent(&mut self) -> Result<()> {
			let tenant = self.ensure_tenant()?;
			self.ensure_state(LeaseState::Active)?;
			let period = self.periods_paid;
			if period >= self.periods {
				return Err(Error::AllRentPaid);
			}
			let due = self.period_start(period)?;
			let now = self.env().block_number();
			if now < due {
				return Err(Error::RentNotDue);
			}
			if self.env().transferred_value() != self.rent {
				return Err(Error::WrongValue);
			}
			let late = now > due.checked_add(self.grace).ok_or(Error::Overflow)?;
			let next = period.checked_add(1).ok_or(Error::Overflow)?;

			self.periods_paid = next;
			self.pay(self.owner, self.rent)?;
			self.env().emit_event(RentPaid { tenant, period, amount: self.rent, late });
			let kind = if late { RecordKind::LatePayment } else { RecordKind::OnTimePayment };
			self.file_record(tenant, kind, period);
			Ok(())
		}

		/// The owner takes the next period's rent from the deposit once it is past its grace
		/// period, and a `LatePayment` record is filed on the tenant ([`LateRentClaimed`]).
		/// If the deposit left cannot cover the rent, the owner receives the deposit left and
		/// any escrowed first rent, a `Default` record is filed and the lease ends in
		/// [`LeaseState::Defaulted`] ([`Defaulted`]).
		///
		/// # Errors
		///
		/// [`Error::NotOwner`], [`Error::WrongState`] unless active, [`Error::AllRentPaid`],
		/// [`Error::NotOverdue`], [`Error::Overflow`], [`Error::TransferFailed`].
		#[ink(message)]
		pub fn claim_late_rent(&mut self) -> Result<()> {
			self.ensure_owner()?;
			self.ensure_state(LeaseState::Active)?;
			let tenant = self.tenant.ok_or(Error::WrongState)?;
			let period = self.periods_paid;
			if period >= self.periods {
				return Err(Error::AllRentPaid);
			}
			let overdue_after =
				self.period_start(period)?.checked_add(self.grace).ok_or(Error::Overflow)?;
			if self.env().block_number() <= overdue_after {
				return Err(Error::NotOverdue);
			}

			if let Some(deposit_left) = self.deposit_held.checked_sub(self.rent) {
				self.periods_paid = period.checked_add(1).ok_or(Error::Overflow)?;
				self.deposit_held = deposit_left;
				self.pay(self.owner, self.rent)?;
				self.env().emit_event(LateRentClaimed {
					tenant,
					period,
					amount: self.rent,
					deposit_left,
				});
				self.file_record(tenant, RecordKind::LatePayment, period);
			} else {
				let seized =
					self.deposit_held.checked_add(self.rent_escrow).ok_or(Error::Overflow)?;
				self.deposit_held = 0;
				self.rent_escrow = 0;
				self.state = LeaseState::Defaulted;
				self.pay(self.owner, seized)?;
				self.env().emit_event(Defaulted { tenant, period, seized });
				self.file_record(tenant, RecordKind::Default, period);
			}
			Ok(())
		}

		/// The owner collects the escrowed first rent once period 0 has ended
		/// ([`RentReleased`]). Otherwise it is paid out when the lease settles.
		///
		/// # Errors
		///
		/// [`Error::NotOwner`], [`Error::WrongState`] unless active, returned or disputed,
		/// [`Error::NothingToCollect`], [`Error::RentEscrowLocked`], [`Error::Overflow`],
		/// [`Error::TransferFailed`].
		#[ink(message)]
		pub fn collect_rent(&mut self) -> Result<()> {
			self.ensure_owner()?;
			if !matches!(
				self.state,
				LeaseState::Active | LeaseState::Returned | LeaseState::Disputed
			) {
				return Err(Error::WrongState);
			}
			if self.rent_escrow == 0 {
				return Err(Error::NothingToCollect);
			}
			if self.env().block_number() < self.period_start(1)? {
				return Err(Error::RentEscrowLocked);
			}
			self.release_rent_escrow(self.owner)
		}

		/// The tenant returns the asset after the last period, with every period's rent
		/// settled ([`AssetReturned`]). The owner then confirms or claims damage; if the owner
		/// does neither within `grace` blocks, the tenant may confirm.
		///
		/// # Errors
		///
		/// [`Error::NotTenant`], [`Error::WrongState`] unless active, [`Error::LeaseNotOver`],
		/// [`Error::RentOutstanding`].
		#[ink(message)]
		pub fn return_asset(&mut self) -> Result<()> {
			let tenant = self.ensure_tenant()?;
			self.ensure_state(LeaseState::Active)?;
			let now = self.env().block_number();
			self.ensure_run_out(now)?;

			self.state = LeaseState::Returned;
			self.returned_at = Some(now);
			self.env().emit_event(AssetReturned { tenant, at: now });
			Ok(())
		}

		/// Confirms the asset came back in order: the deposit held goes back to the tenant,
		/// any escrowed first rent to the owner ([`ReturnConfirmed`], [`RentReleased`]).
		/// Callable by the owner once returned (or, when the tenant never called
		/// [`return_asset`](Self::return_asset), once the lease has run out), and by the
		/// tenant once returned and the review window (`grace` blocks) has passed without a
		/// damage claim. Ends in [`LeaseState::Completed`] with a `CompletedDeal` record for
		/// each side, or in [`LeaseState::Terminated`] (no records) after an early termination.
		///
		/// # Errors
		///
		/// [`Error::WrongState`], [`Error::NotParty`] (returned) / [`Error::NotOwner`]
		/// (active), [`Error::ReviewWindowOpen`], [`Error::LeaseNotOver`],
		/// [`Error::RentOutstanding`], [`Error::Overflow`], [`Error::TransferFailed`].
		#[ink(message)]
		pub fn confirm_return(&mut self) -> Result<()> {
			let caller = self.env().caller();
			let now = self.env().block_number();
			match self.state {
				LeaseState::Returned => {
					if caller != self.owner {
						if Some(caller) != self.tenant {
							return Err(Error::NotParty);
						}
						if now <= self.review_end()? {
							return Err(Error::ReviewWindowOpen);
						}
					}
				}
				LeaseState::Active => {
					if caller != self.owner {
						return Err(Error::NotOwner);
					}
					self.ensure_run_out(now)?;
				}
				_ => return Err(Error::WrongState),
			}
			let tenant = self.tenant.ok_or(Error::WrongState)?;
			let early = self.terminated_by.is_some();

			let deposit_returned = self.deposit_held;
			self.deposit_held = 0;
			self.state = if early { LeaseState::Terminated } else { LeaseState::Completed };
			self.pay(tenant, deposit_returned)?;
			self.release_rent_escrow(self.owner)?;
			self.env().emit_event(ReturnConfirmed { by: caller, tenant, deposit_returned });
			if !early {
				self.file_record(tenant, RecordKind::CompletedDeal, 0);
				self.file_record(self.owner, RecordKind::CompletedDeal, 0);
			}
			Ok(())
		}

		/// The owner claims `amount` of the deposit for damage, once the asset is returned
		/// (or the lease has run out without a return). The deposit stays in escrow until
		/// the arbiter decides ([`DamageClaimed`]).
		///
		/// # Errors
		///
		/// [`Error::NotOwner`], [`Error::WrongState`], [`Error::LeaseNotOver`],
		/// [`Error::RentOutstanding`], [`Error::InvalidAmount`] if zero or more than the
		/// deposit held.
		#[ink(message)]
		pub fn claim_damage(&mut self, amount: Balance) -> Result<()> {
			let owner = self.ensure_owner()?;
			match self.state {
				LeaseState::Returned => {}
				LeaseState::Active => self.ensure_run_out(self.env().block_number())?,
				_ => return Err(Error::WrongState),
			}
			let tenant = self.tenant.ok_or(Error::WrongState)?;
			if amount == 0 || amount > self.deposit_held {
				return Err(Error::InvalidAmount);
			}

			self.damage_claimed = amount;
			self.state = LeaseState::Disputed;
			self.env().emit_event(DamageClaimed { owner, tenant, amount });
			Ok(())
		}

		/// The arbiter settles a damage claim: `to_owner` (at most the claim) goes to the
		/// owner, the rest of the deposit back to the tenant, any escrowed first rent to the
		/// owner ([`DamageResolved`]). Files a `Damage` record on the tenant if `to_owner` is
		/// not zero; unless the lease was ended early, a `CompletedDeal` record on the owner,
		/// and on the tenant too if `to_owner` is zero. Ends in [`LeaseState::Resolved`].
		///
		/// # Errors
		///
		/// [`Error::NotArbiter`], [`Error::WrongState`] unless disputed,
		/// [`Error::InvalidAmount`] if more than the claim, [`Error::TransferFailed`].
		#[ink(message)]
		pub fn resolve_damage(&mut self, to_owner: Balance) -> Result<()> {
			let arbiter = self.env().caller();
			if arbiter != self.arbiter {
				return Err(Error::NotArbiter);
			}
			self.ensure_state(LeaseState::Disputed)?;
			let tenant = self.tenant.ok_or(Error::WrongState)?;
			if to_owner > self.damage_claimed {
				return Err(Error::InvalidAmount);
			}
			let to_tenant = self.deposit_held.checked_sub(to_owner).ok_or(Error::InvalidAmount)?;
			let early = self.terminated_by.is_some();

			self.deposit_held = 0;
			self.state = LeaseState::Resolved;
			self.pay(self.owner, to_owner)?;
			self.pay(tenant, to_tenant)?;
			self.release_rent_escrow(self.owner)?;
			self.env().emit_event(DamageResolved { arbiter, to_owner, to_tenant });
			if to_owner > 0 {
				self.file_record(tenant, RecordKind::Damage, 0);
			}
			if !early {
				self.file_record(self.owner, RecordKind::CompletedDeal, 0);
				if to_owner == 0 {
					self.file_record(tenant, RecordKind::CompletedDeal, 0);
				}
			}
			Ok(())
		}

		/// Ends an active lease before its last period ends. The caller (owner or tenant)
		/// sends exactly `penalty`, which goes to the other side, and a `Cancellation` record
		/// is filed on the caller. The tenant must have paid the current period's rent;
		/// the escrowed first rent goes to the owner, except that it goes back to the tenant
		/// when the owner ends the lease during period 0. The asset counts as returned now:
		/// the deposit is settled through [`confirm_return`](Self::confirm_return) or
		/// [`claim_damage`](Self::claim_damage) ([`TerminatedEarly`], [`RentReleased`]).
		///
		/// # Errors
		///
		/// [`Error::WrongState`] unless active, [`Error::NotParty`], [`Error::LeaseOver`],
		/// [`Error::WrongValue`], [`Error::RentOutstanding`], [`Error::Overflow`],
		/// [`Error::TransferFailed`].
		#[ink(message, payable)]
		pub fn terminate_early(&mut self) -> Result<()> {
			self.ensure_state(LeaseState::Active)?;
			let tenant = self.tenant.ok_or(Error::WrongState)?;
			let caller = self.env().caller();
			if caller != self.owner && caller != tenant {
				return Err(Error::NotParty);
			}
			let now = self.env().block_number();
			if now >= self.end {
				return Err(Error::LeaseOver);
			}
			if self.env().transferred_value() != self.penalty {
				return Err(Error::WrongValue);
			}
			let (counterparty, rent_escrow_to) = if caller == tenant {
				if self.periods_paid <= self.current_period(now)? {
					return Err(Error::RentOutstanding);
				}
				(self.owner, self.owner)
			} else if now < self.period_start(1)? {
				(tenant, tenant)
			} else {
				(tenant, self.owner)
			};

			self.state = LeaseState::Returned;
			self.returned_at = Some(now);
			self.terminated_by = Some(caller);
			self.pay(counterparty, self.penalty)?;
			self.release_rent_escrow(rent_escrow_to)?;
			self.env().emit_event(TerminatedEarly { by: caller, penalty: self.penalty });
			self.file_record(caller, RecordKind::Cancellation, 0);
			Ok(())
		}

		/// The owner withdraws the listing before anyone accepted it ([`ListingCancelled`]).
		///
		/// # Errors
		///
		/// [`Error::NotOwner`], [`Error::WrongState`] unless listed.
		#[ink(message)]
		pub fn cancel(&mut self) -> Result<()> {
			let owner = self.ensure_owner()?;
			self.ensure_state(LeaseState::Listed)?;
			self.state = LeaseState::Cancelled;
			self.env().emit_event(ListingCancelled { owner });
			Ok(())
		}

		/// The lease's state.
		#[ink(message)]
		pub fn state(&self) -> LeaseState {
			self.state
		}

		/// The terms and the parties.
		#[ink(message)]
		pub fn details(&self) -> LeaseDetails {
			LeaseDetails {
				owner: self.owner,
				arbiter: self.arbiter,
				tenant: self.tenant,
				asset: self.asset,
				rent: self.rent,
				deposit: self.deposit,
				periods: self.periods,
				period_length: self.period_length,
				grace: self.grace,
				min_score: self.min_score,
				penalty: self.penalty,
			}
		}

		/// The schedule and the money held.
		#[ink(message)]
		pub fn due_info(&self) -> DueInfo {
			let accepted = self.tenant.is_some();
			let next_period = (self.state == LeaseState::Active
				&& self.periods_paid < self.periods)
				.then_some(self.periods_paid);
			let next_due = next_period.and_then(|period| self.period_start(period).ok());
			let review_ends =
				if self.state == LeaseState::Returned { self.review_end().ok() } else { None };
			DueInfo {
				state: self.state,
				start: accepted.then_some(self.start),
				end: accepted.then_some(self.end),
				periods_paid: self.periods_paid,
				next_period,
				next_due,
				overdue_after: next_due.and_then(|due| due.checked_add(self.grace)),
				deposit_held: self.deposit_held,
				rent_escrow: self.rent_escrow,
				rent_escrow_unlocks: if self.rent_escrow > 0 {
					self.period_start(1).ok()
				} else {
					None
				},
				damage_claimed: self.damage_claimed,
				returned_at: self.returned_at,
				review_ends,
				terminated_by: self.terminated_by,
			}
		}

		/// The deal reference of the record of `kind` with `index` (the period for payment
		/// records, the period of the default, `0` otherwise) that this lease files.
		#[ink(message)]
		pub fn deal_reference(&self, kind: RecordKind, index: u32) -> [u8; 32] {
			self.deal_ref(kind, index)
		}

		fn deal_ref(&self, kind: RecordKind, index: u32) -> [u8; 32] {
			let contract = self.env().account_id();
			self.env().hash_encoded::<Blake2x256, _>(&(DEAL_DOMAIN, contract, kind.as_u8(), index))
		}

		/// Files a credit record; a refusal is reported as an event, never as an error.
		fn file_record(&self, subject: AccountId, kind: RecordKind, index: u32) {
			let deal = self.deal_ref(kind, index);
			let filed = self.env().extension().file_credit_record(
				subject,
				kind.as_u8(),
				RECORD_WEIGHT,
				deal,
			);
			match filed {
				Ok(record_id) => {
					self.env().emit_event(RecordFiled { subject, kind, record_id, deal })
				}
				Err(error) => self.env().emit_event(RecordNotFiled { subject, kind, error, deal }),
			}
		}

		/// Pays the escrowed first rent (if any) to `to`.
		fn release_rent_escrow(&mut self, to: AccountId) -> Result<()> {
			let amount = self.rent_escrow;
			if amount == 0 {
				return Ok(());
			}
			self.rent_escrow = 0;
			self.pay(to, amount)?;
			self.env().emit_event(RentReleased { to, amount });
			Ok(())
		}

		fn pay(&self, to: AccountId, amount: Balance) -> Result<()> {
			if amount == 0 {
				return Ok(());
			}
			self.env().transfer(to, amount).map_err(|_| Error::TransferFailed)
		}

		fn ensure_state(&self, state: LeaseState) -> Result<()> {
			if self.state == state {
				Ok(())
			} else {
				Err(Error::WrongState)
			}
		}

		fn ensure_owner(&self) -> Result<AccountId> {
			let caller = self.env().caller();
			if caller == self.owner {
				Ok(caller)
			} else {
				Err(Error::NotOwner)
			}
		}

		fn ensure_tenant(&self) -> Result<AccountId> {
			let caller = self.env().caller();
			if Some(caller) == self.tenant {
				Ok(caller)
			} else {
				Err(Error::NotTenant)
			}
		}

		/// The last period has ended and every period's rent is settled.
		fn ensure_run_out(&self, now: BlockNumber) -> Result<()> {
			if now < self.end {
				return Err(Error::LeaseNotOver);
			}
			if self.periods_paid < self.periods {
				return Err(Error::RentOutstanding);
			}
			Ok(())
		}

		/// The block period `index` starts at.
		fn period_start(&self, index: u32) -> Result<BlockNumber> {
			index
				.checked_mul(self.period_length)
				.and_then(|offset| self.start.checked_add(offset))
				.ok_or(Error::Overflow)
		}

		/// The period block `now` falls in (`periods` or more once the lease has run out).
		fn current_period(&self, now: BlockNumber) -> Result<u32> {
			now.saturating_sub(self.start).checked_div(self.period_length).ok_or(Error::Overflow)
		}

		/// The last block of the owner's review window after the return.
		fn review_end(&self) -> Result<BlockNumber> {
			self.returned_at.unwrap_or(self.end).checked_add(self.grace).ok_or(Error::Overflow)
		}
	}
}

#[cfg(test)]
mod tests;
