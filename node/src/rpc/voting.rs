//! `voting_*` JSON-RPC methods: polls, live tallies, results and ballots, read through the
//! runtime's `VotingApi`.
//!
//! | method | params | result |
//! | --- | --- | --- |
//! | `voting_poll` | `pollId`, `at?` | [`PollDetails`] (details, texts, call, status) or `null` |
//! | `voting_tally` | `pollId`, `at?` | live [`Tally`] (secret polls: revealed only) or `null` |
//! | `voting_result` | `pollId`, `at?` | final [`PollResult`] or `null` while open |
//! | `voting_ballot` | `pollId`, `account`, `at?` | [`Ballot`] (vote or commitment) or `null` |
//! | `voting_votingPower` | `account`, `at?` | token voting power now |
//!
//! `account` is an SS58 address; `at` an optional block hash (default: the best block).
//! Vote weights are `u128` and serialize as JSON numbers, which may exceed 2^53.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use pallet_voting_runtime_api::{
	Ballot, PollDetails, PollId, PollResult, Tally, VoteWeight, VotingApi as VotingRuntimeApi,
};
use sharechain_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

use super::credit::RUNTIME_ERROR;

/// The `voting_*` methods.
#[rpc(server, namespace = "voting")]
pub trait VotingApi<BlockHash> {
	/// Poll `poll_id` with its details, title, option labels, call and status, or `null`.
	#[method(name = "poll")]
	fn poll(
		&self,
		poll_id: PollId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<PollDetails<AccountId, Balance, BlockNumber>>>;

	/// The live tally of poll `poll_id` (final once closed), or `null`.
	#[method(name = "tally")]
	fn tally(
		&self,
		poll_id: PollId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<Tally<Vec<VoteWeight>>>>;

	/// The result of poll `poll_id`, or `null` while it is open.
	#[method(name = "result")]
	fn result(
		&self,
		poll_id: PollId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<PollResult<BlockNumber, Vec<VoteWeight>>>>;

	/// The ballot of `account` in poll `poll_id`, or `null`.
	#[method(name = "ballot")]
	fn ballot(
		&self,
		poll_id: PollId,
		account: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<Ballot>>;

	/// The token voting power of `account` now.
	#[method(name = "votingPower")]
	fn voting_power(&self, account: AccountId, at: Option<BlockHash>) -> RpcResult<VoteWeight>;
}

/// Serves [`VotingApiServer`] from a client.
pub struct Voting<C> {
	client: Arc<C>,
}

impl<C> Voting<C> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "voting runtime API call failed", Some(format!("{e:?}")))
}

impl<C> Voting<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: VotingRuntimeApi<Block, AccountId, Balance, BlockNumber>,
{
	fn at(&self, at: Option<<Block as BlockT>::Hash>) -> <Block as BlockT>::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

impl<C> VotingApiServer<<Block as BlockT>::Hash> for Voting<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: VotingRuntimeApi<Block, AccountId, Balance, BlockNumber>,
{
	fn poll(
		&self,
		poll_id: PollId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<PollDetails<AccountId, Balance, BlockNumber>>> {
		self.client.runtime_api().poll(self.at(at), poll_id).map_err(runtime_error)
	}

	fn tally(
		&self,
		poll_id: PollId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<Tally<Vec<VoteWeight>>>> {
		self.client.runtime_api().tally(self.at(at), poll_id).map_err(runtime_error)
	}

	fn result(
		&self,
		poll_id: PollId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<PollResult<BlockNumber, Vec<VoteWeight>>>> {
		self.client.runtime_api().result(self.at(at), poll_id).map_err(runtime_error)
	}

	fn ballot(
		&self,
		poll_id: PollId,
		account: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<Ballot>> {
		self.client.runtime_api().ballot(self.at(at), poll_id, account).map_err(runtime_error)
	}

	fn voting_power(
		&self,
		account: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<VoteWeight> {
		self.client.runtime_api().voting_power(self.at(at), account).map_err(runtime_error)
	}
}
