//! Sharechain's chain extension for `pallet-contracts`: lets ink! contracts read credit scores,
//! file credit records and check data access.
//!
//! The interface is fixed by `contracts/CHAIN_EXTENSION.md`; the ink! side
//! (`#[ink::chain_extension(extension = 0x5348)]`) must match it exactly.
//!
//! ## Ids
//!
//! A contract calls `seal_call_chain_extension(id, input, output)` with a 32-bit `id`: the upper
//! 16 bits are the extension id [`EXTENSION_ID`] (`0x5348`, "SH"), the lower 16 bits the
//! function id ([`FN_CREDIT_SCORE`], [`FN_FILE_CREDIT_RECORD`], [`FN_CHECK_ACCESS`]).
//!
//! [`SharechainExtension`] is configured directly as `pallet_contracts::Config::ChainExtension`
//! (not in a tuple), so the pallet does not route by extension id: [`SharechainExtension::call`]
//! checks it itself and answers any other extension id like the pallet answers an unknown id in
//! a tuple of extensions (a trap with `NoChainExtension`). It also implements
//! [`RegisteredChainExtension`] with `ID = 0x5348`, so it can be put into a tuple later without
//! changing behaviour.
//!
//! ## Status codes, traps
//!
//! Every function returns a `u32` status through [`RetVal::Converging`] (see [`status`]);
//! `0` means success, and only then is the SCALE-encoded output written. Bad input (undecodable,
//! unknown record kind, unknown function id) and everything the pallets refuse is a non-zero
//! status, never a trap. The extension traps (returns `Err`) only on genuine runtime failures:
//! out of gas, an input or output pointer outside contract memory, an output buffer too small,
//! an unknown extension id, and a state-changing function (fn 2) called in a read-only context
//! (`StateChangeDenied`, as the pallet's own state-changing host functions do).
//!
//! ## Weights
//!
//! Each function charges its whole weight with `env.charge_weight` before it reads its input or
//! does any work, and keeps it when the call then fails:
//!
//! - the function's own cost: fn 1 one storage read (the subject's `ScoreStates`), fn 2
//!   `pallet_credit` `WeightInfo::file_record()`, fn 3 the storage reads of
//!   `pallet_data_access::Pallet::can_access` in the worst case ([`check_access_reads`]);
//! - copying the input from contract memory, per byte, at the pallet's own price for that
//!   (`RuntimeCosts::CopyFromContract` = `seal_return(len)`);
//! - copying the output into contract memory at the pallet's price for that
//!   (`RuntimeCosts::CopyToContract` = `seal_input(len)`), for the largest output of the function.
//!
//! Inputs longer than the largest encoding of the function's input type cannot decode: they
//! get status [`status::DECODE_FAILED`] without being read (and without paying for the copy).

use codec::{Decode, DecodeAll, Encode, MaxEncodedLen};
use frame_support::{traits::Get, weights::Weight};
use pallet_contracts::{
	chain_extension::{
		BufInBufOutState, ChainExtension, Environment, Ext, InitState, RegisteredChainExtension,
		Result as ExtensionResult, RetVal,
	},
	WeightInfo as _,
};
use pallet_credit::{RecordId, RecordKind, WeightInfo as _};
use pallet_data_access::{AccessCheck, AccessDenied, DataSetId};
use sp_runtime::{ArithmeticError, DispatchError};

use crate::{AccountId, Runtime};

/// The extension id: the upper 16 bits of the id a contract passes (`0x5348`, "SH").
pub const EXTENSION_ID: u16 = 0x5348;

/// Function 1: `credit_score(account: AccountId) -> u16`.
pub const FN_CREDIT_SCORE: u16 = 1;

/// Function 2: `file_credit_record(subject, kind: u8, weight: u32, deal: [u8; 32]) -> u64`.
pub const FN_FILE_CREDIT_RECORD: u16 = 2;

/// Function 3: `check_access(dataset: u64, who: AccountId) -> ()`.
pub const FN_CHECK_ACCESS: u16 = 3;

/// SCALE input of [`FN_CREDIT_SCORE`]: the account whose score is read.
pub type CreditScoreInput = AccountId;

/// SCALE input of [`FN_FILE_CREDIT_RECORD`]: `(subject, kind, weight, deal)`.
pub type FileCreditRecordInput = (AccountId, u8, u32, [u8; 32]);

/// SCALE input of [`FN_CHECK_ACCESS`]: `(dataset, who)`.
pub type CheckAccessInput = (DataSetId, AccountId);

/// Length of the output of [`FN_CREDIT_SCORE`]: a SCALE `u16`.
pub const CREDIT_SCORE_OUTPUT_LEN: u32 = 2;

/// Length of the output of [`FN_FILE_CREDIT_RECORD`]: a SCALE `u64` record id.
pub const FILE_CREDIT_RECORD_OUTPUT_LEN: u32 = 8;

/// Length of the output of [`FN_CHECK_ACCESS`]: a SCALE `()`.
pub const CHECK_ACCESS_OUTPUT_LEN: u32 = 0;

/// The status codes returned to the contract (`ExtensionError` on the ink! side; 0 = `Ok`).
pub mod status {
	/// Success; the output buffer holds the SCALE-encoded result.
	pub const SUCCESS: u32 = 0;
	/// `pallet_credit::Error::NotReporter`: the calling contract is not a registered reporter.
	pub const NOT_REPORTER: u32 = 1;
	/// `pallet_credit::Error::SelfReport`: the contract filed a record about itself.
	pub const SELF_REPORT: u32 = 2;
	/// `pallet_credit::Error::InvalidWeight`: the record weight is 0 or above the maximum.
	pub const INVALID_WEIGHT: u32 = 3;
	/// `pallet_credit::Error::DuplicateRecord`: a record for this subject and deal exists.
	pub const DUPLICATE_RECORD: u32 = 4;
	/// The record kind byte is not a `RecordKind` (greater than 6).
	pub const INVALID_KIND: u32 = 5;
	/// `pallet_credit::Error::Overflow`, or an arithmetic overflow.
	pub const OVERFLOW: u32 = 6;
	/// `AccessDenied::UnknownDataSet`.
	pub const UNKNOWN_DATA_SET: u32 = 7;
	/// `AccessDenied::DataSetRetired`.
	pub const DATA_SET_RETIRED: u32 = 8;
	/// `AccessDenied::NoGrant`.
	pub const NO_GRANT: u32 = 9;
	/// `AccessDenied::GrantExpired`.
	pub const GRANT_EXPIRED: u32 = 10;
	/// `AccessDenied::NoUsesLeft`.
	pub const NO_USES_LEFT: u32 = 11;
	/// `AccessDenied::InsufficientBalance`.
	pub const INSUFFICIENT_BALANCE: u32 = 12;
	/// The input did not decode as the function's input type.
	pub const DECODE_FAILED: u32 = 13;
	/// The function id is not 1, 2 or 3.
	pub const UNKNOWN_FUNCTION: u32 = 14;
	/// Any other error.
	pub const OTHER: u32 = 99;
}

/// Sharechain's chain extension. Stateless: `pallet-contracts` creates it with `Default` for
/// every call.
#[derive(Default)]
pub struct SharechainExtension;

impl ChainExtension<Runtime> for SharechainExtension {
	fn call<E: Ext<T = Runtime>>(
		&mut self,
		env: Environment<E, InitState>,
	) -> ExtensionResult<RetVal> {
		if env.ext_id() != EXTENSION_ID {
			return Err(pallet_contracts::Error::<Runtime>::NoChainExtension.into());
		}
		let func_id = env.func_id();
		let mut env = env.buf_in_buf_out();
		let code = match func_id {
			FN_CREDIT_SCORE => credit_score(&mut env)?,
			FN_FILE_CREDIT_RECORD => file_credit_record(&mut env)?,
			FN_CHECK_ACCESS => check_access(&mut env)?,
			_ => status::UNKNOWN_FUNCTION,
		};
		if code != status::SUCCESS && env.ext().debug_buffer_enabled() {
			// Only when a dry-run asked for debug output (`DebugInfo::UnsafeDebug`); never on
			// chain. A full buffer just drops the message.
			let _ = env.ext().append_debug_buffer("sharechain extension: ");
			let _ = env.ext().append_debug_buffer(status_name(code));
		}
		Ok(RetVal::Converging(code))
	}
}

impl RegisteredChainExtension<Runtime> for SharechainExtension {
	const ID: u16 = EXTENSION_ID;
}

/// Function 1: the credit score of an account; always status 0 for decodable input.
fn credit_score<E: Ext<T = Runtime>>(
	env: &mut Environment<'_, '_, E, BufInBufOutState>,
) -> ExtensionResult<u32> {
	let Some(who) = charge_and_read::<CreditScoreInput, E>(env, credit_score_weight())? else {
		return Ok(status::DECODE_FAILED);
	};
	let score = pallet_credit::Pallet::<Runtime>::score_of(&who);
	env.write(&score.encode(), false, None)?;
	Ok(status::SUCCESS)
}

/// Function 2: file a credit record with the calling contract as reporter; outputs the new
/// record id.
fn file_credit_record<E: Ext<T = Runtime>>(
	env: &mut Environment<'_, '_, E, BufInBufOutState>,
) -> ExtensionResult<u32> {
	let input = charge_and_read::<FileCreditRecordInput, E>(env, file_credit_record_weight())?;
	if env.ext().is_read_only() {
		return Err(pallet_contracts::Error::<Runtime>::StateChangeDenied.into());
	}
	let Some((subject, kind, weight, deal)) = input else {
		return Ok(status::DECODE_FAILED);
	};
	let Some(kind) = record_kind(kind) else {
		return Ok(status::INVALID_KIND);
	};
	let reporter = env.ext().address().clone();
	// `do_file_record` validates everything before it writes; the storage layer makes sure a
	// failure leaves no partial state behind even if that ever changes, since the contract
	// continues (and may commit) after a non-zero status.
	let filed = frame_support::storage::with_storage_layer::<RecordId, DispatchError, _>(|| {
		pallet_credit::Pallet::<Runtime>::do_file_record(reporter, subject, kind, weight, deal)
	});
	match filed {
		Ok(record_id) => {
			env.write(&record_id.encode(), false, None)?;
			Ok(status::SUCCESS)
		}
		Err(error) => Ok(credit_error_code(error)),
	}
}

/// Function 3: whether `who` may access data set `dataset` now.
fn check_access<E: Ext<T = Runtime>>(
	env: &mut Environment<'_, '_, E, BufInBufOutState>,
) -> ExtensionResult<u32> {
	let Some((dataset, who)) = charge_and_read::<CheckAccessInput, E>(env, check_access_weight())?
	else {
		return Ok(status::DECODE_FAILED);
	};
	match pallet_data_access::Pallet::<Runtime>::can_access(dataset, &who) {
		AccessCheck::Allowed { .. } => {
			// The output is `()`, whose SCALE encoding is empty.
			env.write(&[], false, None)?;
			Ok(status::SUCCESS)
		}
		AccessCheck::Denied { reason } => Ok(access_denied_code(reason)),
	}
}

/// Charge `function_weight` plus the copy of the input, then read and decode the input as `V`.
///
/// `Ok(None)` if the input does not decode (including an input longer than any encoding of
/// `V`, which is not read at all). `Err` (a trap) only when out of gas or when the input lies
/// outside contract memory.
fn charge_and_read<V, E>(
	env: &mut Environment<'_, '_, E, BufInBufOutState>,
	function_weight: Weight,
) -> ExtensionResult<Option<V>>
where
	V: Decode + MaxEncodedLen,
	E: Ext<T = Runtime>,
{
	let len = env.in_len();
	let fits = input_len_fits::<V>(len);
	let copied = if fits { len } else { 0 };
	env.charge_weight(function_weight.saturating_add(input_copy_weight(copied)))?;
	if !fits {
		return Ok(None);
	}
	let bytes = env.read(len)?;
	Ok(decode_input::<V>(&bytes))
}

/// Whether an input of `len` bytes can be an encoding of `V` (no longer than its largest
/// encoding).
pub fn input_len_fits<V: MaxEncodedLen>(len: u32) -> bool {
	usize::try_from(len).is_ok_and(|len| len <= V::max_encoded_len())
}

/// Decode `bytes` as exactly one `V` (all bytes consumed), or `None`.
pub fn decode_input<V: Decode>(bytes: &[u8]) -> Option<V> {
	V::decode_all(&mut &bytes[..]).ok()
}

/// The record kind with SCALE index `byte` (`0..=6`), or `None`.
pub fn record_kind(byte: u8) -> Option<RecordKind> {
	RecordKind::decode(&mut &[byte][..]).ok()
}

/// The status code of an error of `pallet_credit::Pallet::do_file_record`.
///
/// The pallet's errors are compared as [`DispatchError`] values (module index and error index;
/// the message is ignored by `PartialEq`). An arithmetic overflow reported as
/// [`DispatchError::Arithmetic`] also maps to [`status::OVERFLOW`]. Anything else is
/// [`status::OTHER`].
pub fn credit_error_code(error: DispatchError) -> u32 {
	use pallet_credit::Error as CreditError;

	let is = |candidate: CreditError<Runtime>| error == DispatchError::from(candidate);
	if is(CreditError::NotReporter) {
		status::NOT_REPORTER
	} else if is(CreditError::SelfReport) {
		status::SELF_REPORT
	} else if is(CreditError::InvalidWeight) {
		status::INVALID_WEIGHT
	} else if is(CreditError::DuplicateRecord) {
		status::DUPLICATE_RECORD
	} else if is(CreditError::Overflow)
		|| error == DispatchError::Arithmetic(ArithmeticError::Overflow)
	{
		status::OVERFLOW
	} else {
		status::OTHER
	}
}

/// The status code of a denial of `pallet_data_access::Pallet::can_access`.
pub fn access_denied_code(reason: AccessDenied) -> u32 {
	match reason {
		AccessDenied::UnknownDataSet => status::UNKNOWN_DATA_SET,
		AccessDenied::DataSetRetired => status::DATA_SET_RETIRED,
		AccessDenied::NoGrant => status::NO_GRANT,
		AccessDenied::GrantExpired => status::GRANT_EXPIRED,
		AccessDenied::NoUsesLeft => status::NO_USES_LEFT,
		AccessDenied::InsufficientBalance => status::INSUFFICIENT_BALANCE,
	}
}

/// The `ExtensionError` variant name of a status code, for debug output.
pub fn status_name(code: u32) -> &'static str {
	match code {
		status::SUCCESS => "Ok",
		status::NOT_REPORTER => "NotReporter",
		status::SELF_REPORT => "SelfReport",
		status::INVALID_WEIGHT => "InvalidWeight",
		status::DUPLICATE_RECORD => "DuplicateRecord",
		status::INVALID_KIND => "InvalidKind",
		status::OVERFLOW => "Overflow",
		status::UNKNOWN_DATA_SET => "UnknownDataSet",
		status::DATA_SET_RETIRED => "DataSetRetired",
		status::NO_GRANT => "NoGrant",
		status::GRANT_EXPIRED => "GrantExpired",
		status::NO_USES_LEFT => "NoUsesLeft",
		status::INSUFFICIENT_BALANCE => "InsufficientBalance",
		status::DECODE_FAILED => "DecodeFailed",
		status::UNKNOWN_FUNCTION => "UnknownFunction",
		_ => "Other",
	}
}

/// Weight of copying `len` input bytes out of contract memory: what `pallet-contracts` charges
/// for that itself (`RuntimeCosts::CopyFromContract`).
pub fn input_copy_weight(len: u32) -> Weight {
	<Runtime as pallet_contracts::Config>::WeightInfo::seal_return(len)
}

/// Weight of copying `len` output bytes into contract memory: what `pallet-contracts` charges
/// for that itself (`RuntimeCosts::CopyToContract`).
pub fn output_copy_weight(len: u32) -> Weight {
	<Runtime as pallet_contracts::Config>::WeightInfo::seal_input(len)
}

/// Weight of [`FN_CREDIT_SCORE`] without the input copy: one storage read (the subject's score
/// state) and the output copy.
pub fn credit_score_weight() -> Weight {
	<Runtime as frame_system::Config>::DbWeight::get()
		.reads(1)
		.saturating_add(output_copy_weight(CREDIT_SCORE_OUTPUT_LEN))
}

/// Weight of [`FN_FILE_CREDIT_RECORD`] without the input copy: the benchmarked weight of
/// `pallet_credit`'s `file_record` and the output copy.
pub fn file_credit_record_weight() -> Weight {
	<Runtime as pallet_credit::Config>::WeightInfo::file_record()
		.saturating_add(output_copy_weight(FILE_CREDIT_RECORD_OUTPUT_LEN))
}

/// Storage reads of `pallet_data_access::Pallet::can_access` in the worst case, with `g` =
/// `MaxGrantsPerDataSet`: the data set (1), the direct grant (1), the iteration over all grants
/// of the data set (`g` + 1 for the end of the prefix), one group membership per group grant
/// (`g`), and the balance check (1: the account, `reducible_balance` with `Preserve`). That is
/// `2 * g + 4`, 132 reads with `g = 64`.
pub fn check_access_reads() -> u64 {
	let grants: u32 = <Runtime as pallet_data_access::Config>::MaxGrantsPerDataSet::get();
	let grants = u64::from(grants);
	grants.saturating_mul(2).saturating_add(4)
}

/// Weight of [`FN_CHECK_ACCESS`] without the input copy: [`check_access_reads`] storage reads
/// and the output copy.
pub fn check_access_weight() -> Weight {
	<Runtime as frame_system::Config>::DbWeight::get()
		.reads(check_access_reads())
		.saturating_add(output_copy_weight(CHECK_ACCESS_OUTPUT_LEN))
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_credit::Error as CreditError;

	#[test]
	fn credit_errors_map_to_their_codes() {
		let code = |e: CreditError<Runtime>| credit_error_code(e.into());
		assert_eq!(code(CreditError::NotReporter), status::NOT_REPORTER);
		assert_eq!(code(CreditError::SelfReport), status::SELF_REPORT);
		assert_eq!(code(CreditError::InvalidWeight), status::INVALID_WEIGHT);
		assert_eq!(code(CreditError::DuplicateRecord), status::DUPLICATE_RECORD);
		assert_eq!(code(CreditError::Overflow), status::OVERFLOW);
		assert_eq!(
			credit_error_code(DispatchError::Arithmetic(ArithmeticError::Overflow)),
			status::OVERFLOW
		);
		assert_eq!(code(CreditError::UnknownRecord), status::OTHER);
		assert_eq!(credit_error_code(DispatchError::BadOrigin), status::OTHER);
		// Another pallet's error with the same index is not mistaken for a credit error.
		let voting: DispatchError = pallet_voting::Error::<Runtime>::TooFewOptions.into();
		assert_eq!(credit_error_code(voting), status::OTHER);
	}

	#[test]
	fn access_denials_map_to_their_codes() {
		let all = [
			(AccessDenied::UnknownDataSet, status::UNKNOWN_DATA_SET),
			(AccessDenied::DataSetRetired, status::DATA_SET_RETIRED),
			(AccessDenied::NoGrant, status::NO_GRANT),
			(AccessDenied::GrantExpired, status::GRANT_EXPIRED),
			(AccessDenied::NoUsesLeft, status::NO_USES_LEFT),
			(AccessDenied::InsufficientBalance, status::INSUFFICIENT_BALANCE),
		];
		for (reason, code) in all {
			assert_eq!(access_denied_code(reason), code, "{reason:?}");
			assert_ne!(status_name(code), "Other");
		}
	}

	#[test]
	fn record_kinds_decode_from_their_index() {
		assert_eq!(record_kind(0), Some(RecordKind::CompletedDeal));
		assert_eq!(record_kind(2), Some(RecordKind::LatePayment));
		assert_eq!(record_kind(6), Some(RecordKind::Cancellation));
		assert_eq!(record_kind(7), None);
		assert_eq!(record_kind(u8::MAX), None);
	}

	#[test]
	fn inputs_must_decode_exactly() {
		// (AccountId32, u8, u32, [u8; 32]) is 69 bytes.
		assert!(input_len_fits::<FileCreditRecordInput>(69));
		assert!(!input_len_fits::<FileCreditRecordInput>(70));
		let input: FileCreditRecordInput = (AccountId::new([1; 32]), 3, 2, [7; 32]);
		let mut bytes = input.encode();
		assert_eq!(decode_input::<FileCreditRecordInput>(&bytes), Some(input));
		bytes.push(0);
		assert_eq!(decode_input::<FileCreditRecordInput>(&bytes), None, "trailing byte");
		assert_eq!(decode_input::<CheckAccessInput>(&[0; 5]), None, "too short");
	}

	#[test]
	fn every_function_charges_weight() {
		assert!(credit_score_weight().ref_time() > 0);
		assert!(file_credit_record_weight().ref_time() > credit_score_weight().ref_time());
		assert_eq!(check_access_reads(), 2 * 64 + 4);
		assert!(check_access_weight().ref_time() > credit_score_weight().ref_time());
	}
}
