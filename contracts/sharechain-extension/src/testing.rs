//! An off-chain stand-in for the runtime side of the chain extension, for `#[ink::test]`s.
//!
//! [`MockCredit`] answers the three functions like the runtime would (same status codes, same
//! output encoding) from state the test controls: scores, whether the contract is a reporter,
//! data-set grants, and one-off failures. Filed records are kept so tests can check them.
//!
//! ```ignore
//! #[ink::test]
//! fn files_a_record() {
//!     let credit = MockCredit::install();
//!     credit.set_score(tenant, 720);
//!     // ... call the contract ...
//!     assert_eq!(credit.records_of(tenant)[0].kind, RecordKind::CompletedDeal);
//! }
//! ```
//!
//! The mock runs inside the off-chain engine: it must not (and does not) call `ink::env`
//! functions itself. It does not know the calling contract's account: set it with
//! [`MockCredit::set_contract`] to get [`ExtensionError::SelfReport`] for records about the
//! contract itself.

use crate::{
	ExtensionError, RecordKind, EXTENSION_ID, FN_CHECK_ACCESS, FN_CREDIT_SCORE,
	FN_FILE_CREDIT_RECORD, MAX_RECORD_WEIGHT, MIN_RECORD_WEIGHT, NEUTRAL_SCORE,
};
use ink::{
	primitives::AccountId,
	scale::{Decode, Encode},
};
use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
	rc::Rc,
};

/// A credit record filed through the mock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiledRecord {
	/// The id returned to the contract (ids start at 0 and count up).
	pub id: u64,
	/// Who the record is about.
	pub subject: AccountId,
	/// The record kind.
	pub kind: RecordKind,
	/// The record weight, `1..=10`.
	pub weight: u32,
	/// The deal reference.
	pub deal: [u8; 32],
}

/// One call the contract made to the extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtensionCall {
	/// The function id (`1..=3` for known functions).
	pub func_id: u16,
	/// The status code the mock answered with (`0` = success).
	pub status: u32,
}

#[derive(Debug)]
struct State {
	scores: BTreeMap<AccountId, u16>,
	is_reporter: bool,
	contract: Option<AccountId>,
	records: Vec<FiledRecord>,
	filed: BTreeSet<(AccountId, [u8; 32])>,
	next_record_id: u64,
	datasets: BTreeMap<u64, BTreeMap<AccountId, Result<(), ExtensionError>>>,
	failures: BTreeMap<u16, Vec<ExtensionError>>,
	calls: Vec<ExtensionCall>,
}

impl Default for State {
	fn default() -> Self {
		Self {
			scores: BTreeMap::new(),
			is_reporter: true,
			contract: None,
			records: Vec::new(),
			filed: BTreeSet::new(),
			next_record_id: 0,
			datasets: BTreeMap::new(),
			failures: BTreeMap::new(),
			calls: Vec::new(),
		}
	}
}

/// A mock of the runtime's credit and data-access pallets behind the chain extension.
///
/// Cloning gives another handle to the same state: [`MockCredit::install`] registers one
/// handle with the off-chain engine and returns another to the test.
///
/// Defaults: every account scores [`NEUTRAL_SCORE`], the contract is a registered reporter,
/// no data sets exist.
#[derive(Debug, Clone, Default)]
pub struct MockCredit {
	state: Rc<RefCell<State>>,
}

impl MockCredit {
	/// A fresh mock, not registered yet.
	pub fn new() -> Self {
		Self::default()
	}

	/// A fresh mock, registered with the off-chain engine as extension `0x5348` (replacing
	/// any earlier registration in this test).
	pub fn install() -> Self {
		let mock = Self::new();
		mock.register();
		mock
	}

	/// Registers (a handle to) this mock with the off-chain engine.
	pub fn register(&self) {
		ink::env::test::register_chain_extension(self.clone());
	}

	/// Sets the score `credit_score(who)` returns.
	pub fn set_score(&self, who: AccountId, score: u16) {
		self.state.borrow_mut().scores.insert(who, score);
	}

	/// The score `credit_score(who)` returns.
	pub fn score(&self, who: &AccountId) -> u16 {
		self.state.borrow().scores.get(who).copied().unwrap_or(NEUTRAL_SCORE)
	}

	/// Whether the calling contract is a registered reporter (default `true`); when not,
	/// `file_credit_record` answers [`ExtensionError::NotReporter`].
	pub fn set_reporter(&self, is_reporter: bool) {
		self.state.borrow_mut().is_reporter = is_reporter;
	}

	/// The calling contract's account: records about it answer
	/// [`ExtensionError::SelfReport`].
	pub fn set_contract(&self, contract: AccountId) {
		self.state.borrow_mut().contract = Some(contract);
	}

	/// Lets `who` access data set `dataset` (creating the data set).
	pub fn allow_access(&self, dataset: u64, who: AccountId) {
		self.state.borrow_mut().datasets.entry(dataset).or_default().insert(who, Ok(()));
	}

	/// Denies `who` access to data set `dataset` with `reason` (creating the data set).
	pub fn deny_access(&self, dataset: u64, who: AccountId, reason: ExtensionError) {
		self.state.borrow_mut().datasets.entry(dataset).or_default().insert(who, Err(reason));
	}

	/// Creates data set `dataset` with no grants: unknown accounts get
	/// [`ExtensionError::NoGrant`] (unknown data sets get [`ExtensionError::UnknownDataSet`]).
	pub fn add_dataset(&self, dataset: u64) {
		self.state.borrow_mut().datasets.entry(dataset).or_default();
	}

	/// Makes the next call of function `func_id` fail with `error` without doing anything
	/// (queued: several calls queue several failures).
	pub fn fail_next(&self, func_id: u16, error: ExtensionError) {
		self.state.borrow_mut().failures.entry(func_id).or_default().push(error);
	}

	/// All records filed so far, in filing order.
	pub fn records(&self) -> Vec<FiledRecord> {
		self.state.borrow().records.clone()
	}

	/// The records filed about `subject`, in filing order.
	pub fn records_of(&self, subject: &AccountId) -> Vec<FiledRecord> {
		self.state.borrow().records.iter().filter(|r| &r.subject == subject).cloned().collect()
	}

	/// The kinds of the records filed about `subject`, in filing order.
	pub fn kinds_of(&self, subject: &AccountId) -> Vec<RecordKind> {
		self.records_of(subject).into_iter().map(|r| r.kind).collect()
	}

	/// Every call the contract made, in order (including failed ones).
	pub fn calls(&self) -> Vec<ExtensionCall> {
		self.state.borrow().calls.clone()
	}

	/// How many times function `func_id` was called.
	pub fn call_count(&self, func_id: u16) -> usize {
		self.state.borrow().calls.iter().filter(|c| c.func_id == func_id).count()
	}

	fn dispatch(
		&self,
		func_id: u16,
		input: &[u8],
		output: &mut Vec<u8>,
	) -> Result<(), ExtensionError> {
		let mut state = self.state.borrow_mut();
		if !matches!(func_id, FN_CREDIT_SCORE | FN_FILE_CREDIT_RECORD | FN_CHECK_ACCESS) {
			return Err(ExtensionError::UnknownFunction);
		}
		let forced = state
			.failures
			.get_mut(&func_id)
			.filter(|queue| !queue.is_empty())
			.map(|queue| queue.remove(0));
		if let Some(error) = forced {
			return Err(error);
		}
		match func_id {
			FN_CREDIT_SCORE => {
				let who: AccountId = decode_all(input)?;
				let score = state.scores.get(&who).copied().unwrap_or(NEUTRAL_SCORE);
				score.encode_to(output);
				Ok(())
			}
			FN_FILE_CREDIT_RECORD => {
				let (subject, kind, weight, deal): (AccountId, u8, u32, [u8; 32]) =
					decode_all(input)?;
				let kind = RecordKind::from_u8(kind).ok_or(ExtensionError::InvalidKind)?;
				if !state.is_reporter {
					return Err(ExtensionError::NotReporter);
				}
				if state.contract.as_ref() == Some(&subject) {
					return Err(ExtensionError::SelfReport);
				}
				if !(MIN_RECORD_WEIGHT..=MAX_RECORD_WEIGHT).contains(&weight) {
					return Err(ExtensionError::InvalidWeight);
				}
				if state.filed.contains(&(subject, deal)) {
					return Err(ExtensionError::DuplicateRecord);
				}
				let id = state.next_record_id;
				state.next_record_id = id.checked_add(1).ok_or(ExtensionError::Overflow)?;
				state.filed.insert((subject, deal));
				state.records.push(FiledRecord { id, subject, kind, weight, deal });
				id.encode_to(output);
				Ok(())
			}
			_ => {
				let (dataset, who): (u64, AccountId) = decode_all(input)?;
				let grants = state.datasets.get(&dataset).ok_or(ExtensionError::UnknownDataSet)?;
				grants.get(&who).copied().unwrap_or(Err(ExtensionError::NoGrant))
			}
		}
	}
}

impl ink::env::test::ChainExtension for MockCredit {
	fn ext_id(&self) -> u16 {
		EXTENSION_ID
	}

	fn call(&mut self, func_id: u16, input: &[u8], output: &mut Vec<u8>) -> u32 {
		let result = self.dispatch(func_id, input, output);
		let status = match result {
			Ok(()) => 0,
			Err(error) => {
				// Like the runtime: no output on failure.
				output.clear();
				error.code()
			}
		};
		self.state.borrow_mut().calls.push(ExtensionCall { func_id, status });
		status
	}
}

/// Decodes the input of a call, which must be used up exactly.
///
/// The off-chain engine of ink! 5.1 hands the extension the SCALE encoding of the input
/// *bytes* (a compact length prefix, then the encoded arguments), where the runtime sees the
/// encoded arguments alone; both forms are accepted.
fn decode_all<T: Decode>(input: &[u8]) -> Result<T, ExtensionError> {
	let mut cursor = input;
	if let Ok(inner) = Vec::<u8>::decode(&mut cursor) {
		if cursor.is_empty() {
			if let Some(value) = decode_exact::<T>(&inner) {
				return Ok(value);
			}
		}
	}
	decode_exact::<T>(input).ok_or(ExtensionError::DecodeFailed)
}

fn decode_exact<T: Decode>(bytes: &[u8]) -> Option<T> {
	let mut cursor = bytes;
	let value = T::decode(&mut cursor).ok()?;
	cursor.is_empty().then_some(value)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{Sharechain, SharechainEnvironment};
	use ink::{env::test::ChainExtension, ChainExtensionInstance};

	fn ext() -> <Sharechain as ChainExtensionInstance>::Instance {
		<Sharechain as ChainExtensionInstance>::instantiate()
	}

	fn account(byte: u8) -> AccountId {
		AccountId::from([byte; 32])
	}

	#[ink::test]
	fn credit_score_defaults_to_neutral_and_follows_set_score() {
		let credit = MockCredit::install();
		assert_eq!(ext().credit_score(account(1)), Ok(NEUTRAL_SCORE));
		credit.set_score(account(1), 812);
		assert_eq!(ext().credit_score(account(1)), Ok(812));
		assert_eq!(ext().credit_score(account(2)), Ok(NEUTRAL_SCORE));
		assert_eq!(credit.score(&account(1)), 812);
		assert_eq!(credit.call_count(FN_CREDIT_SCORE), 3);
	}

	#[ink::test]
	fn file_credit_record_returns_ids_and_keeps_records() {
		let credit = MockCredit::install();
		let kind = RecordKind::CompletedDeal.as_u8();
		assert_eq!(ext().file_credit_record(account(1), kind, 1, [7; 32]), Ok(0));
		assert_eq!(ext().file_credit_record(account(2), kind, 10, [7; 32]), Ok(1));
		assert_eq!(
			credit.records(),
			vec![
				FiledRecord {
					id: 0,
					subject: account(1),
					kind: RecordKind::CompletedDeal,
					weight: 1,
					deal: [7; 32],
				},
				FiledRecord {
					id: 1,
					subject: account(2),
					kind: RecordKind::CompletedDeal,
					weight: 10,
					deal: [7; 32],
				},
			]
		);
		assert_eq!(credit.kinds_of(&account(2)), vec![RecordKind::CompletedDeal]);
	}

	#[ink::test]
	fn file_credit_record_errors() {
		let credit = MockCredit::install();
		let late = RecordKind::LatePayment.as_u8();
		assert_eq!(
			ext().file_credit_record(account(1), 7, 1, [0; 32]),
			Err(ExtensionError::InvalidKind)
		);
		assert_eq!(
			ext().file_credit_record(account(1), late, 0, [0; 32]),
			Err(ExtensionError::InvalidWeight)
		);
		assert_eq!(
			ext().file_credit_record(account(1), late, 11, [0; 32]),
			Err(ExtensionError::InvalidWeight)
		);
		assert_eq!(ext().file_credit_record(account(1), late, 1, [0; 32]), Ok(0));
		assert_eq!(
			ext().file_credit_record(account(1), late, 2, [0; 32]),
			Err(ExtensionError::DuplicateRecord)
		);
		credit.set_contract(account(9));
		assert_eq!(
			ext().file_credit_record(account(9), late, 1, [1; 32]),
			Err(ExtensionError::SelfReport)
		);
		credit.set_reporter(false);
		assert_eq!(
			ext().file_credit_record(account(1), late, 1, [1; 32]),
			Err(ExtensionError::NotReporter)
		);
		assert_eq!(credit.records().len(), 1);
		let statuses: Vec<u32> = credit.calls().iter().map(|c| c.status).collect();
		assert_eq!(statuses, vec![5, 3, 3, 0, 4, 2, 1]);
	}

	#[ink::test]
	fn forced_failures_are_used_once_in_order() {
		let credit = MockCredit::install();
		credit.fail_next(FN_FILE_CREDIT_RECORD, ExtensionError::Overflow);
		credit.fail_next(FN_FILE_CREDIT_RECORD, ExtensionError::Other);
		credit.fail_next(FN_CREDIT_SCORE, ExtensionError::Other);
		let kind = RecordKind::Damage.as_u8();
		assert_eq!(
			ext().file_credit_record(account(1), kind, 1, [0; 32]),
			Err(ExtensionError::Overflow)
		);
		assert_eq!(
			ext().file_credit_record(account(1), kind, 1, [0; 32]),
			Err(ExtensionError::Other)
		);
		assert_eq!(ext().file_credit_record(account(1), kind, 1, [0; 32]), Ok(0));
		assert_eq!(ext().credit_score(account(1)), Err(ExtensionError::Other));
		assert_eq!(ext().credit_score(account(1)), Ok(NEUTRAL_SCORE));
	}

	#[ink::test]
	fn check_access_follows_grants() {
		let credit = MockCredit::install();
		assert_eq!(ext().check_access(4, account(1)), Err(ExtensionError::UnknownDataSet));
		credit.add_dataset(4);
		assert_eq!(ext().check_access(4, account(1)), Err(ExtensionError::NoGrant));
		credit.allow_access(4, account(1));
		credit.deny_access(4, account(2), ExtensionError::GrantExpired);
		assert_eq!(ext().check_access(4, account(1)), Ok(()));
		assert_eq!(ext().check_access(4, account(2)), Err(ExtensionError::GrantExpired));
	}

	#[ink::test]
	fn unknown_function_and_bad_input() {
		let mut credit = MockCredit::new();
		let mut output = Vec::new();
		assert_eq!(credit.call(4, &[], &mut output), ExtensionError::UnknownFunction.code());
		assert_eq!(
			credit.call(FN_CREDIT_SCORE, &[1, 2], &mut output),
			ExtensionError::DecodeFailed.code()
		);
		assert!(output.is_empty());
		// The runtime's form of the input (no length prefix) is accepted too.
		let input = account(3).encode();
		assert_eq!(credit.call(FN_CREDIT_SCORE, &input, &mut output), 0);
		assert_eq!(u16::decode(&mut &output[..]).ok(), Some(NEUTRAL_SCORE));
	}

	#[ink::test]
	fn environment_reaches_the_mock() {
		// `self.env().extension()` in a contract is this instance.
		let credit = MockCredit::install();
		credit.set_score(account(5), 42);
		type Extension = <SharechainEnvironment as ink::env::Environment>::ChainExtension;
		let instance = <Extension as ChainExtensionInstance>::instantiate();
		assert_eq!(instance.credit_score(account(5)), Ok(42));
	}
}
