//! `credit_*` JSON-RPC methods: credit scores, records and reporters, read through the
//! runtime's `CreditApi`.
//!
//! | method | params | result |
//! | --- | --- | --- |
//! | `credit_score` | `account`, `at?` | [`ScoreDetails`]: score `0..=1000` and its inputs |
//! | `credit_records` | `account`, `page`, `at?` | [`RecordPage`] of records about `account` |
//! | `credit_reporter` | `account`, `at?` | [`ReporterInfo`] or `null` |
//! | `credit_reporterRecords` | `account`, `page`, `at?` | [`RecordPage`] of records filed by `account` |
//!
//! `account` is an SS58 address; `at` an optional block hash (default: the best block). Pages
//! start at 0 and hold [`pallet_credit::RECORDS_PAGE_SIZE`] records, oldest first.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use pallet_credit::{RecordPage, ReporterInfo, ScoreDetails};
use pallet_credit_runtime_api::CreditApi as CreditRuntimeApi;
use sharechain_runtime::{opaque::Block, AccountId, BlockNumber};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// Error code of a failed runtime API call (e.g. a block whose state was pruned).
pub const RUNTIME_ERROR: i32 = 9000;

/// The `credit_*` methods.
#[rpc(server, namespace = "credit")]
pub trait CreditApi<BlockHash> {
	/// The credit score of `account`, with the record counts and decayed points it came from.
	#[method(name = "score")]
	fn score(&self, account: AccountId, at: Option<BlockHash>) -> RpcResult<ScoreDetails>;

	/// Page `page` of the records about `account`, oldest first.
	#[method(name = "records")]
	fn records(
		&self,
		account: AccountId,
		page: u32,
		at: Option<BlockHash>,
	) -> RpcResult<RecordPage<AccountId, BlockNumber>>;

	/// The reporter `account` (name, block it was added at, records filed), or `null`.
	#[method(name = "reporter")]
	fn reporter(
		&self,
		account: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ReporterInfo<BlockNumber, Vec<u8>>>>;

	/// Page `page` of the records filed by reporter `account`, oldest first.
	#[method(name = "reporterRecords")]
	fn reporter_records(
		&self,
		account: AccountId,
		page: u32,
		at: Option<BlockHash>,
	) -> RpcResult<RecordPage<AccountId, BlockNumber>>;
}

/// Serves [`CreditApiServer`] from a client.
pub struct Credit<C> {
	client: Arc<C>,
}

impl<C> Credit<C> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "credit runtime API call failed", Some(format!("{e:?}")))
}

impl<C> Credit<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CreditRuntimeApi<Block, AccountId, BlockNumber>,
{
	fn at(&self, at: Option<<Block as BlockT>::Hash>) -> <Block as BlockT>::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

impl<C> CreditApiServer<<Block as BlockT>::Hash> for Credit<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CreditRuntimeApi<Block, AccountId, BlockNumber>,
{
	fn score(
		&self,
		account: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<ScoreDetails> {
		self.client.runtime_api().score(self.at(at), account).map_err(runtime_error)
	}

	fn records(
		&self,
		account: AccountId,
		page: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<RecordPage<AccountId, BlockNumber>> {
		self.client.runtime_api().records(self.at(at), account, page).map_err(runtime_error)
	}

	fn reporter(
		&self,
		account: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<ReporterInfo<BlockNumber, Vec<u8>>>> {
		self.client.runtime_api().reporter(self.at(at), account).map_err(runtime_error)
	}

	fn reporter_records(
		&self,
		account: AccountId,
		page: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<RecordPage<AccountId, BlockNumber>> {
		self.client
			.runtime_api()
			.reporter_records(self.at(at), account, page)
			.map_err(runtime_error)
	}
}
