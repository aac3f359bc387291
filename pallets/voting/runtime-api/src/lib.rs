//! # Voting runtime API
//!
//! Read-only queries of `pallet-voting`, implemented by the runtime and served by the node's
//! `voting_*` JSON-RPC methods:
//!
//! - [`VotingApi::poll`]: a poll's details, texts, call and status;
//! - [`VotingApi::tally`]: its live tally (secret polls: revealed ballots only, plus the number
//!   of commitments in `ballots`);
//! - [`VotingApi::result`]: its final result, once closed;
//! - [`VotingApi::ballot`]: an account's public vote, or secret commitment and revealed option;
//! - [`VotingApi::voting_power`]: an account's token voting power now.
//!
//! The runtime implements each method by calling the pallet's helper of the same purpose:
//! `Pallet::poll_details`, `Pallet::tally_of`, `Pallet::result_of`, `Pallet::ballot_of` and
//! `Pallet::voting_power`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;

pub use pallet_voting::{
	Ballot, BallotMode, Electorate, OptionIndex, PollDetails, PollId, PollInfo, PollResult,
	PollStatus, Schedule, Tally, Vote, VoteWeight,
};

sp_api::decl_runtime_apis! {
	/// Queries of the voting pallet.
	pub trait VotingApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Poll `poll_id` with its status at the queried block, or `None` if unknown.
		fn poll(poll_id: PollId) -> Option<PollDetails<AccountId, Balance, BlockNumber>>;

		/// The live tally of poll `poll_id` (the final one once closed), or `None` if unknown.
		fn tally(poll_id: PollId) -> Option<Tally<Vec<VoteWeight>>>;

		/// The result of poll `poll_id`, or `None` if unknown or not closed yet.
		fn result(poll_id: PollId) -> Option<PollResult<BlockNumber, Vec<VoteWeight>>>;

		/// The ballot of `who` in poll `poll_id`, or `None` if it has none.
		fn ballot(poll_id: PollId, who: AccountId) -> Option<Ballot>;

		/// The token voting power of `who` now: free balance less the fee reserve, plus the
		/// power delegated to it (zero while it delegates).
		fn voting_power(who: AccountId) -> VoteWeight;
	}
}
