//! `dataAccess_*` JSON-RPC methods: access checks, grants and access logs, read through the
//! runtime's `DataAccessApi`.
//!
//! | method | params | result |
//! | --- | --- | --- |
//! | `dataAccess_canAccess` | `datasetId`, `account`, `at?` | [`AccessCheck`]: the applicable grant and price, or the reason |
//! | `dataAccess_grants` | `datasetId`, `at?` | [`GrantInfo`]s with their key envelopes |
//! | `dataAccess_accessLog` | `datasetId`, `page`, `at?` | [`AccessPage`]: who accessed the data set |
//! | `dataAccess_accessesBy` | `account`, `page`, `at?` | [`AccessPage`]: what `account` accessed |
//! | `dataAccess_dataSet` | `datasetId`, `at?` | [`DataSetView`] or `null` |
//!
//! `account` is an SS58 address; `at` an optional block hash (default: the best block). Pages
//! start at 0 and hold [`pallet_data_access::ACCESS_PAGE_SIZE`] entries, oldest first.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use pallet_data_access_runtime_api::{
	AccessCheck, AccessPage, DataAccessApi as DataAccessRuntimeApi, DataSetId, DataSetView,
	GrantInfo,
};
use sharechain_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

use super::credit::RUNTIME_ERROR;

/// The `dataAccess_*` methods.
#[rpc(server, namespace = "dataAccess")]
pub trait DataAccessApi<BlockHash> {
	/// Whether `account` can record an access to `dataset_id` now, and under which grant.
	#[method(name = "canAccess")]
	fn can_access(
		&self,
		dataset_id: DataSetId,
		account: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<AccessCheck<AccountId, Balance, BlockNumber>>;

	/// The grants of `dataset_id`, with their key envelopes.
	#[method(name = "grants")]
	fn grants(
		&self,
		dataset_id: DataSetId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<GrantInfo<AccountId, BlockNumber>>>;

	/// Page `page` of the access log of `dataset_id` ("who read my data").
	#[method(name = "accessLog")]
	fn access_log(
		&self,
		dataset_id: DataSetId,
		page: u32,
		at: Option<BlockHash>,
	) -> RpcResult<AccessPage<AccountId, Balance, BlockNumber>>;

	/// Page `page` of the accesses `account` recorded ("what did I read").
	#[method(name = "accessesBy")]
	fn accesses_by(
		&self,
		account: AccountId,
		page: u32,
		at: Option<BlockHash>,
	) -> RpcResult<AccessPage<AccountId, Balance, BlockNumber>>;

	/// The data set `dataset_id` with its location and metadata, or `null`.
	#[method(name = "dataSet")]
	fn data_set(
		&self,
		dataset_id: DataSetId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<DataSetView<AccountId, Balance, BlockNumber>>>;
}

/// Serves [`DataAccessApiServer`] from a client.
pub struct DataAccess<C> {
	client: Arc<C>,
}

impl<C> DataAccess<C> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "data-access runtime API call failed", Some(format!("{e:?}")))
}

impl<C> DataAccess<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DataAccessRuntimeApi<Block, AccountId, Balance, BlockNumber>,
{
	fn at(&self, at: Option<<Block as BlockT>::Hash>) -> <Block as BlockT>::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

impl<C> DataAccessApiServer<<Block as BlockT>::Hash> for DataAccess<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DataAccessRuntimeApi<Block, AccountId, Balance, BlockNumber>,
{
	fn can_access(
		&self,
		dataset_id: DataSetId,
		account: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<AccessCheck<AccountId, Balance, BlockNumber>> {
		self.client
			.runtime_api()
			.can_access(self.at(at), dataset_id, account)
			.map_err(runtime_error)
	}

	fn grants(
		&self,
		dataset_id: DataSetId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Vec<GrantInfo<AccountId, BlockNumber>>> {
		self.client.runtime_api().grants(self.at(at), dataset_id).map_err(runtime_error)
	}

	fn access_log(
		&self,
		dataset_id: DataSetId,
		page: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<AccessPage<AccountId, Balance, BlockNumber>> {
		self.client.runtime_api().access_log(self.at(at), dataset_id, page).map_err(runtime_error)
	}

	fn accesses_by(
		&self,
		account: AccountId,
		page: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<AccessPage<AccountId, Balance, BlockNumber>> {
		self.client.runtime_api().accesses_by(self.at(at), account, page).map_err(runtime_error)
	}

	fn data_set(
		&self,
		dataset_id: DataSetId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<DataSetView<AccountId, Balance, BlockNumber>>> {
		self.client.runtime_api().data_set(self.at(at), dataset_id).map_err(runtime_error)
	}
}
