//! # Sharechain chain extension: the ink! side
//!
//! Sharechain's runtime exposes one chain extension to contracts, extension id `0x5348` ("SH")
//! in the upper 16 bits of the 32-bit function id (see `contracts/CHAIN_EXTENSION.md`, the
//! fixed interface both sides follow):
//!
//! | fn | method | returns |
//! |---|---|---|
//! | 1 | [`credit_score`](Sharechain) | the account's score `0..=1000` (500 without records) |
//! | 2 | [`file_credit_record`](Sharechain) | the new record's id (reporter: the caller) |
//! | 3 | [`check_access`](Sharechain) | `()` when the account may access the data set now |
//!
//! Every function returns a `u32` status code, `0` for success; any other code is an
//! [`ExtensionError`]. Contracts use [`SharechainEnvironment`] as their environment:
//!
//! ```ignore
//! #[ink::contract(env = sharechain_extension::SharechainEnvironment)]
//! mod my_contract {
//!     // ...
//!     let score = self.env().extension().credit_score(who)?;
//!     let record_id = self.env().extension().file_credit_record(
//!         who,
//!         RecordKind::CompletedDeal.as_u8(),
//!         1,
//!         deal,
//!     )?;
//! }
//! ```
//!
//! With the `std` feature, [`testing::MockCredit`] stands in for the runtime in `#[ink::test]`s.

#![cfg_attr(not(feature = "std"), no_std, no_main)]

use ink::{
	env::{chain_extension::FromStatusCode, DefaultEnvironment, Environment},
	primitives::AccountId,
};

#[cfg(feature = "std")]
pub mod testing;

/// The chain extension id (upper 16 bits of the function id): `"SH"`.
pub const EXTENSION_ID: u16 = 0x5348;
/// Function id of [`credit_score`](Sharechain).
pub const FN_CREDIT_SCORE: u16 = 1;
/// Function id of [`file_credit_record`](Sharechain).
pub const FN_FILE_CREDIT_RECORD: u16 = 2;
/// Function id of [`check_access`](Sharechain).
pub const FN_CHECK_ACCESS: u16 = 3;

/// The score of an account without records.
pub const NEUTRAL_SCORE: u16 = 500;
/// The highest possible score.
pub const MAX_SCORE: u16 = 1000;
/// The lowest weight a credit record may carry.
pub const MIN_RECORD_WEIGHT: u32 = 1;
/// The highest weight a credit record may carry.
pub const MAX_RECORD_WEIGHT: u32 = 10;

/// The Sharechain chain extension: credit scores, credit records and data-access checks.
///
/// Reached through `self.env().extension()` in a contract using [`SharechainEnvironment`].
/// Every method returns `Result<_, ExtensionError>`: a non-zero status code from the runtime
/// becomes the matching [`ExtensionError`] and no output is decoded.
#[ink::chain_extension(extension = 0x5348)]
pub trait Sharechain {
	/// Status code of every method.
	type ErrorCode = ExtensionError;

	/// The credit score of `account`, `0..=1000` (`500` for an account without records).
	///
	/// Called as `credit_score(account) -> Result<u16, ExtensionError>`. The runtime always
	/// answers with status `0` for a decodable account, so an error means the runtime is not
	/// the one this crate was written for.
	#[ink(function = 1)]
	fn credit_score(account: AccountId) -> u16;

	/// Files a credit record about `subject`, reported by the calling contract's account.
	///
	/// `kind` is a [`RecordKind`] as `u8` ([`RecordKind::as_u8`]), `weight` is
	/// `1..=10`, `deal` is the deal reference: one record per (reporter, subject, deal).
	/// Returns the new record's id.
	///
	/// # Errors
	///
	/// [`ExtensionError::NotReporter`] if the contract is not a registered credit reporter,
	/// [`ExtensionError::SelfReport`], [`ExtensionError::InvalidWeight`],
	/// [`ExtensionError::DuplicateRecord`], [`ExtensionError::InvalidKind`],
	/// [`ExtensionError::Overflow`] or [`ExtensionError::Other`].
	#[ink(function = 2)]
	fn file_credit_record(
		subject: AccountId,
		kind: u8,
		weight: u32,
		deal: [u8; 32],
	) -> Result<u64, ExtensionError>;

	/// `Ok(())` when `who` may access data set `dataset` now.
	///
	/// # Errors
	///
	/// The reason access is denied: [`ExtensionError::UnknownDataSet`],
	/// [`ExtensionError::DataSetRetired`], [`ExtensionError::NoGrant`],
	/// [`ExtensionError::GrantExpired`], [`ExtensionError::NoUsesLeft`] or
	/// [`ExtensionError::InsufficientBalance`].
	#[ink(function = 3)]
	fn check_access(dataset: u64, who: AccountId) -> Result<(), ExtensionError>;
}

/// A non-zero status code returned by the Sharechain chain extension.
///
/// The discriminant is the status code. Unknown codes map to [`ExtensionError::Other`].
#[derive(Debug, Copy, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub enum ExtensionError {
	/// The calling contract is not a registered credit reporter.
	NotReporter = 1,
	/// A reporter may not file a record about itself.
	SelfReport = 2,
	/// The record weight is outside `1..=10`.
	InvalidWeight = 3,
	/// A record for this (reporter, subject, deal) already exists.
	DuplicateRecord = 4,
	/// The record kind byte is not a known [`RecordKind`].
	InvalidKind = 5,
	/// An arithmetic overflow in the credit pallet (e.g. record ids exhausted).
	Overflow = 6,
	/// The data set does not exist.
	UnknownDataSet = 7,
	/// The data set has been retired.
	DataSetRetired = 8,
	/// The account holds no grant for the data set.
	NoGrant = 9,
	/// The account's grant has expired.
	GrantExpired = 10,
	/// The account's grant has no uses left.
	NoUsesLeft = 11,
	/// The account cannot pay the data set's access price.
	InsufficientBalance = 12,
	/// The runtime could not decode the input, or the contract could not decode the output.
	DecodeFailed = 13,
	/// The function id is not one the runtime knows.
	UnknownFunction = 14,
	/// Any other runtime error, or a status code this crate does not know.
	Other = 99,
}

impl ExtensionError {
	/// The status code of this error.
	pub const fn code(self) -> u32 {
		self as u32
	}

	/// The error for a status code: `None` for `0` (success), [`ExtensionError::Other`] for
	/// codes this crate does not know.
	pub const fn from_code(code: u32) -> Option<Self> {
		let error = match code {
			0 => return None,
			1 => Self::NotReporter,
			2 => Self::SelfReport,
			3 => Self::InvalidWeight,
			4 => Self::DuplicateRecord,
			5 => Self::InvalidKind,
			6 => Self::Overflow,
			7 => Self::UnknownDataSet,
			8 => Self::DataSetRetired,
			9 => Self::NoGrant,
			10 => Self::GrantExpired,
			11 => Self::NoUsesLeft,
			12 => Self::InsufficientBalance,
			13 => Self::DecodeFailed,
			14 => Self::UnknownFunction,
			_ => Self::Other,
		};
		Some(error)
	}
}

impl FromStatusCode for ExtensionError {
	fn from_status_code(status_code: u32) -> Result<(), Self> {
		match Self::from_code(status_code) {
			None => Ok(()),
			Some(error) => Err(error),
		}
	}
}

/// An output buffer that does not decode (needed by methods returning `Result`).
impl From<ink::scale::Error> for ExtensionError {
	fn from(_: ink::scale::Error) -> Self {
		Self::DecodeFailed
	}
}

/// The kind of a credit record; `as u8` is pallet-credit's `#[codec(index)]`.
///
/// The score effect is per unit of weight.
#[derive(Debug, Copy, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub enum RecordKind {
	/// A deal completed as agreed (+10).
	CompletedDeal = 0,
	/// A payment made on time (+5).
	OnTimePayment = 1,
	/// A payment made late (-10).
	LatePayment = 2,
	/// A payment never made (-50).
	Default = 3,
	/// Damage to an asset (-25).
	Damage = 4,
	/// Did not show up for an agreed deal (-15).
	NoShow = 5,
	/// Cancelled an agreed deal (-5).
	Cancellation = 6,
}

impl RecordKind {
	/// All kinds, in code order.
	pub const ALL: [RecordKind; 7] = [
		Self::CompletedDeal,
		Self::OnTimePayment,
		Self::LatePayment,
		Self::Default,
		Self::Damage,
		Self::NoShow,
		Self::Cancellation,
	];

	/// The kind byte passed to [`file_credit_record`](Sharechain).
	pub const fn as_u8(self) -> u8 {
		self as u8
	}

	/// The kind for a kind byte, `None` if it is not one (the runtime answers
	/// [`ExtensionError::InvalidKind`]).
	pub const fn from_u8(kind: u8) -> Option<Self> {
		match kind {
			0 => Some(Self::CompletedDeal),
			1 => Some(Self::OnTimePayment),
			2 => Some(Self::LatePayment),
			3 => Some(Self::Default),
			4 => Some(Self::Damage),
			5 => Some(Self::NoShow),
			6 => Some(Self::Cancellation),
			_ => None,
		}
	}
}

impl From<RecordKind> for u8 {
	fn from(kind: RecordKind) -> Self {
		kind.as_u8()
	}
}

/// The environment of Sharechain contracts: [`DefaultEnvironment`]'s types (AccountId32,
/// `u128` balance, `u32` block number, `u64` timestamp, 4 event topics) with the
/// [`Sharechain`] chain extension.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(TypeInfo)]
pub enum SharechainEnvironment {}

impl Environment for SharechainEnvironment {
	const MAX_EVENT_TOPICS: usize = <DefaultEnvironment as Environment>::MAX_EVENT_TOPICS;

	type AccountId = <DefaultEnvironment as Environment>::AccountId;
	type Balance = <DefaultEnvironment as Environment>::Balance;
	type Hash = <DefaultEnvironment as Environment>::Hash;
	type Timestamp = <DefaultEnvironment as Environment>::Timestamp;
	type BlockNumber = <DefaultEnvironment as Environment>::BlockNumber;

	type ChainExtension = Sharechain;
}

#[cfg(test)]
mod tests {
	use super::*;

	const ALL_ERRORS: [ExtensionError; 15] = [
		ExtensionError::NotReporter,
		ExtensionError::SelfReport,
		ExtensionError::InvalidWeight,
		ExtensionError::DuplicateRecord,
		ExtensionError::InvalidKind,
		ExtensionError::Overflow,
		ExtensionError::UnknownDataSet,
		ExtensionError::DataSetRetired,
		ExtensionError::NoGrant,
		ExtensionError::GrantExpired,
		ExtensionError::NoUsesLeft,
		ExtensionError::InsufficientBalance,
		ExtensionError::DecodeFailed,
		ExtensionError::UnknownFunction,
		ExtensionError::Other,
	];

	#[test]
	fn zero_is_success() {
		assert_eq!(ExtensionError::from_status_code(0), Ok(()));
		assert_eq!(ExtensionError::from_code(0), None);
	}

	#[test]
	fn status_codes_match_the_interface() {
		let expected: [(u32, ExtensionError); 15] = [
			(1, ExtensionError::NotReporter),
			(2, ExtensionError::SelfReport),
			(3, ExtensionError::InvalidWeight),
			(4, ExtensionError::DuplicateRecord),
			(5, ExtensionError::InvalidKind),
			(6, ExtensionError::Overflow),
			(7, ExtensionError::UnknownDataSet),
			(8, ExtensionError::DataSetRetired),
			(9, ExtensionError::NoGrant),
			(10, ExtensionError::GrantExpired),
			(11, ExtensionError::NoUsesLeft),
			(12, ExtensionError::InsufficientBalance),
			(13, ExtensionError::DecodeFailed),
			(14, ExtensionError::UnknownFunction),
			(99, ExtensionError::Other),
		];
		for (code, error) in expected {
			assert_eq!(ExtensionError::from_status_code(code), Err(error), "code {code}");
			assert_eq!(error.code(), code);
		}
	}

	#[test]
	fn every_error_round_trips_through_its_code() {
		for error in ALL_ERRORS {
			assert_eq!(ExtensionError::from_code(error.code()), Some(error));
		}
	}

	#[test]
	fn unknown_codes_are_other() {
		for code in [15, 16, 42, 98, 100, 1000, u32::MAX] {
			assert_eq!(ExtensionError::from_status_code(code), Err(ExtensionError::Other));
		}
	}

	#[test]
	fn undecodable_output_is_decode_failed() {
		let error = ink::scale::Error::from("bad output");
		assert_eq!(ExtensionError::from(error), ExtensionError::DecodeFailed);
	}

	#[test]
	fn record_kinds_match_pallet_credit_indices() {
		let expected = [
			(0u8, RecordKind::CompletedDeal),
			(1, RecordKind::OnTimePayment),
			(2, RecordKind::LatePayment),
			(3, RecordKind::Default),
			(4, RecordKind::Damage),
			(5, RecordKind::NoShow),
			(6, RecordKind::Cancellation),
		];
		for (byte, kind) in expected {
			assert_eq!(kind.as_u8(), byte);
			assert_eq!(u8::from(kind), byte);
			assert_eq!(RecordKind::from_u8(byte), Some(kind));
			// The SCALE encoding is the same byte the pallet decodes.
			assert_eq!(ink::scale::Encode::encode(&kind), [byte]);
		}
		assert_eq!(RecordKind::ALL.map(RecordKind::as_u8), [0, 1, 2, 3, 4, 5, 6]);
		for byte in 7..=u8::MAX {
			assert_eq!(RecordKind::from_u8(byte), None);
		}
	}

	#[test]
	fn error_encoding_is_its_code() {
		for error in ALL_ERRORS {
			let encoded = ink::scale::Encode::encode(&error);
			assert_eq!(encoded.len(), 1);
			assert_eq!(u32::from(encoded[0]), error.code());
		}
	}

	#[test]
	fn environment_uses_default_types() {
		assert_eq!(<SharechainEnvironment as Environment>::MAX_EVENT_TOPICS, 4);
		let _: <SharechainEnvironment as Environment>::AccountId = AccountId::from([0; 32]);
		let _: <SharechainEnvironment as Environment>::Balance = 0u128;
		let _: <SharechainEnvironment as Environment>::BlockNumber = 0u32;
		let _: <SharechainEnvironment as Environment>::Timestamp = 0u64;
		assert_eq!(EXTENSION_ID, 0x5348);
	}
}
