//! # Data-access runtime API
//!
//! Read-only queries of `pallet-data-access`, implemented by the runtime and served by the
//! node's `dataAccess_*` JSON-RPC methods:
//!
//! - [`DataAccessApi::can_access`]: whether an account can access a data set now, under which
//!   grant, or why not;
//! - [`DataAccessApi::grants`]: the grants of a data set with their key envelopes;
//! - [`DataAccessApi::access_log`]: who accessed a data set ("who read my data"),
//!   [`ACCESS_PAGE_SIZE`] entries per page;
//! - [`DataAccessApi::accesses_by`]: what an account accessed ("what did I read"), paged the
//!   same way;
//! - [`DataAccessApi::data_set`]: a data set with its location and metadata.
//!
//! The runtime implements each method by calling the pallet's helper of the same purpose:
//! `Pallet::can_access`, `Pallet::grants_of`, `Pallet::access_log_page`,
//! `Pallet::accesses_by_page` and `Pallet::data_set`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;

pub use pallet_data_access::{
	AccessCheck, AccessDenied, AccessEntry, AccessPage, AccessRecord, DataSetId, DataSetInfo,
	DataSetStatus, DataSetView, GrantInfo, Grantee, GroupId, ACCESS_PAGE_SIZE,
};

sp_api::decl_runtime_apis! {
	/// Queries of the data-access pallet.
	pub trait DataAccessApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Whether `who` can record an access to `dataset_id` now: the grant that applies and
		/// the price, or the reason it would fail.
		fn can_access(dataset_id: DataSetId, who: AccountId) -> AccessCheck<AccountId, Balance, BlockNumber>;

		/// The grants of `dataset_id` with their key envelopes (empty if unknown or retired).
		fn grants(dataset_id: DataSetId) -> Vec<GrantInfo<AccountId, BlockNumber>>;

		/// Page `page` (from 0) of the access log of `dataset_id`, oldest first.
		fn access_log(dataset_id: DataSetId, page: u32) -> AccessPage<AccountId, Balance, BlockNumber>;

		/// Page `page` (from 0) of the accesses `who` recorded, oldest first.
		fn accesses_by(who: AccountId, page: u32) -> AccessPage<AccountId, Balance, BlockNumber>;

		/// The data set `dataset_id` with its location and metadata, or `None` if unknown.
		fn data_set(dataset_id: DataSetId) -> Option<DataSetView<AccountId, Balance, BlockNumber>>;
	}
}
