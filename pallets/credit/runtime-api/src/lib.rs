//! # Credit runtime API
//!
//! Read-only queries of `pallet-credit`, implemented by the runtime and served by the node's
//! `credit_*` JSON-RPC methods:
//!
//! - [`CreditApi::score`]: an account's score with its inputs;
//! - [`CreditApi::records`]: the records about an account, [`RECORDS_PAGE_SIZE`] per page;
//! - [`CreditApi::reporter`]: a reporter's registration;
//! - [`CreditApi::reporter_records`]: the records a reporter filed, paged the same way.
//!
//! The runtime implements each method by calling the pallet's helper of the same purpose:
//! `Pallet::score_details`, `Pallet::records_page`, `Pallet::reporter_info` and
//! `Pallet::reporter_records_page`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;

pub use pallet_credit::{
	Record, RecordEntry, RecordId, RecordKind, RecordPage, RecordStatus, ReporterInfo,
	ScoreDetails, RECORDS_PAGE_SIZE,
};

sp_api::decl_runtime_apis! {
	/// Queries of the credit pallet.
	pub trait CreditApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The score of `who` at the best block, with the inputs it was computed from.
		fn score(who: AccountId) -> ScoreDetails;

		/// Page `page` (from 0) of the records about `who`, oldest first.
		fn records(who: AccountId, page: u32) -> RecordPage<AccountId, BlockNumber>;

		/// The reporter `who`, or `None` if it is not (or no longer) a reporter.
		fn reporter(who: AccountId) -> Option<ReporterInfo<BlockNumber, Vec<u8>>>;

		/// Page `page` (from 0) of the records filed by `reporter`, oldest first. Includes the
		/// records of removed reporters.
		fn reporter_records(reporter: AccountId, page: u32) -> RecordPage<AccountId, BlockNumber>;
	}
}
