//! # Voting pallet
//!
//! Polls that everyone can check: public or secret ballots, token-weighted or one account one
//! vote, a stored result, and enactment of a runtime call when a poll passes.
//!
//! ## Overview
//!
//! - A **poll** is created by any signed account, which holds [`Config::PollDeposit`] (or its
//!   track's larger decision deposit) until the poll closes (then it is released in full). A poll has a title, the 32-byte digest of an
//!   off-chain description, `2..=MaxOptions` labelled options, an [`Electorate`], a
//!   [`BallotMode`], a [`Schedule`], a quorum and an approval threshold, and optionally a
//!   runtime call (its SCALE encoding, at most [`Config::MaxCallLength`] bytes) on a governance
//!   **track** (see [Tracks](#tracks)).
//! - **Electorates.** [`Electorate::VoterRoll`]: one account one vote (weight 1) over the voter
//!   roll kept by [`Config::RosterOrigin`]. Only accounts that were on the roll when the poll
//!   was created can vote in it (each roll entry carries a [`RollTicket`]; the poll stores the
//!   cutoff): voters added later cannot, voters removed later can no longer vote or change
//!   their vote, but ballots they already cast stay counted. The poll's eligible weight is the
//!   roll size at creation. [`Electorate::TokenWeighted`]: any account, weighted by its
//!   *voting power* when it votes: its free balance less [`Config::FeeReserve`] plus the power
//!   delegated to it. The account's own part is frozen ([`FreezeReason::PollVote`]) until the
//!   poll closes. The eligible weight is the total issuance at close.
//! - **Schedule** (blocks, half-open): voting `start <= now < end`; for secret polls revealing
//!   `end <= now < reveal_end`. Both periods last `MinVotingPeriod..=MaxVotingPeriod` blocks,
//!   and `start` lies in `now..=now + MaxVotingPeriod` at creation. The poll closes in block
//!   `end` (public) or `reveal_end` (secret).
//!
//! ## Ballots
//!
//! - **Public**: [`vote`](Call::vote) for an option; voting again replaces the vote (the
//!   running tally subtracts the old ballot and adds the new one; in token-weighted polls the
//!   weight is recomputed at each change).
//! - **Secret**: [`commit`](Call::commit) a 32-byte commitment once during the voting period;
//!   [`reveal`](Call::reveal) the option and salt during the reveal period. A reveal that does
//!   not match the commitment is rejected; commitments never revealed do not count. In
//!   token-weighted polls the weight is fixed (and frozen) at commit time.
//!
//! ### Commitment preimage
//!
//! ```text
//! commitment = keccak_256(SCALE((poll_id: u32, option: u32, salt: [u8; 32], voter: AccountId)))
//!            = keccak_256( poll_id as 4 bytes little-endian
//!                        ‖ option  as 4 bytes little-endian
//!                        ‖ salt    (32 bytes, as is)
//!                        ‖ voter   (SCALE encoding of the account id: the 32 raw bytes of the
//!                                   public key for Sharechain's AccountId32) )
//! ```
//!
//! That is 72 bytes on Sharechain, hashed with the original Keccak-256 (Ethereum's
//! `keccak256`, *not* NIST SHA3-256). Example: poll 7, option 2, salt `[0x2a; 32]`, voter
//! `[0x01; 32]`:
//!
//! ```text
//! preimage   = 07000000 02000000 2a2a…2a (32 bytes) 0101…01 (32 bytes)
//! commitment = 0x6cc4e026d816749d7066120a81442806da796cda3787d3ee96fbc663e789a923
//! ```
//!
//! With `@polkadot/util` and `@polkadot/util-crypto`:
//!
//! ```text
//! const u32 = (n) => bnToU8a(n, { bitLength: 32, isLe: true });
//! keccakAsU8a(u8aConcat(u32(pollId), u32(option), salt, decodeAddress(voter)))
//! ```
//!
//! Including the poll id and the voter stops a commitment from being replayed in another poll
//! or copied by another voter. The salt must be random (32 bytes from a CSPRNG) and kept until
//! the reveal: options are few, so an unsalted hash would give the vote away.
//! [`Pallet::commitment_of`] computes the same value on chain, and the test
//! `commitment_test_vector` pins the example above.
//!
//! ## Tally and result
//!
//! Every ballot updates the poll's running [`Tally`] (per-option totals, turnout, ballot and
//! reveal counts), so closing is `O(options)` and never iterates voters. A poll closes in its
//! closing block in `on_initialize` (at most [`Config::MaxPollsEndingPerBlock`] polls close in
//! one block: creation fails with [`Error::TooManyPollsEnding`] when the closing block is
//! full), or, should that not have happened, when anyone calls [`close`](Call::close) after
//! the closing block. Closing releases the deposit and stores a [`PollResult`]:
//!
//! ```text
//! winning_option = the option with strictly the most weight
//!                  (None on a tie for the most, or when nothing was counted)
//! quorum_reached = turnout >= quorum * eligible
//! approved       = winning_option is Some(w)
//!                  && totals[w] >= threshold * turnout
//!                  && (poll has no call || w == APPROVE_OPTION (option 0, "aye"))
//! passed         = quorum_reached && approved
//! ```
//!
//! The products are rounded up, which makes the comparisons exact (see [`decide`]). With a
//! call attached, option 0 is the approve ("aye") option: only a win of option 0 enacts it.
//!
//! ## Tracks
//!
//! A poll that carries a call names a **track** ([`TrackId`]). The runtime defines the tracks
//! in code ([`Config::Tracks`]: each track's name, the origin its passed calls are dispatched
//! with, and the calls it may carry) and their **bars** in storage ([`Tracks`], a
//! [`TrackInfo`] per track, set at genesis and changed only by [`Call::set_track`] with
//! [`Config::TrackAdminOrigin`], the highest track's origin): the electorate, the minimum
//! turnout (quorum) and approval (threshold), the decision deposit, the minimum voting period
//! and the enactment delay. `create_poll` refuses, each with its own error and without any
//! change, a call without a track ([`Error::CallWithoutTrack`]), a track without a call
//! ([`Error::TrackWithoutCall`]), an unknown track ([`Error::UnknownTrack`]), a call the track
//! may not carry ([`Error::CallNotOnTrack`]), another electorate ([`Error::WrongElectorate`]),
//! a quorum, threshold or voting period below the track's ([`Error::TurnoutBelowTrack`],
//! [`Error::ApprovalBelowTrack`], [`Error::PeriodBelowTrack`]). The poll holds the track's
//! decision deposit. Opinion polls (no call, no track) choose their rules freely: they enact
//! nothing.
//!
//! ## Enactment
//!
//! A call is checked at creation: its encoding fits `MaxCallLength` and its declared weight
//! (`get_dispatch_info().call_weight`) is within [`Config::MaxEnactmentWeight`]. When a poll
//! with a call passes, its call is enacted in block `closing block + enactment delay`
//! ([`PollInfo::enact_at`], [`PollResult::enact_at`]); until then the passed call is public
//! ([`Event::EnactmentScheduled`]). The enactment block is reserved when the poll is created
//! ([`EnactmentsDue`], at most `MaxPollsEndingPerBlock` per block,
//! [`Error::TooManyEnactments`]), and `on_initialize` of that block enacts it (or anyone with
//! [`Call::enact`] should that not have happened; a second enactment is
//! [`Error::AlreadyEnacted`]). Enacting decodes the stored bytes and dispatches them with the
//! **track's origin** ([`TrackOrigins::origin`]): a call outside what that origin may do fails
//! with `BadOrigin`, recorded as the outcome. The outcome is stored in
//! [`PollResult::enactment`] and emitted as [`Event::Enacted`]; a failing call (its changes
//! are reverted) never makes the close fail. Calls that no longer decode, have become heavier
//! than `MaxEnactmentWeight`, or that their track no longer allows (after a runtime upgrade)
//! are not dispatched and recorded as [`Error::UndecodableCall`] / [`Error::CallTooHeavy`] /
//! [`Error::CallNotOnTrack`].
//!
//! ## Locks
//!
//! A token-weighted ballot records a [`PollLock`] (the voter's own counted balance and the
//! poll's closing block) in the account's [`VoterState`] ([`Voters`]), at most
//! [`Config::MaxPollsPerVoter`] per account. The account's freeze is the maximum over its
//! locks, its delegation and its cooldown (the same tokens may back ballots in several polls
//! at once, as in conviction voting). A ballot updates the freeze only when that maximum
//! changes. Releasing the locks of all voters at close would be `O(voters)`; instead, from the
//! closing block on, **anyone** may call [`unlock`](Call::unlock) for an account, which drops
//! its expired locks and recomputes its freeze in `O(MaxPollsPerVoter)`.
//! [`Config::FeeReserve`] of the free balance is neither counted nor frozen, so a voter can
//! still pay fees (to change its vote or unlock).
//!
//! ## Delegation
//!
//! For token-weighted polls an account may [`delegate`](Call::delegate) its power (its free
//! balance less `FeeReserve`, frozen from then on) to another account. The delegate's voting
//! power is its own power plus the sum delegated to it ([`VoterState::delegated_power`], kept
//! in the delegate's own record), read when it votes or commits. Delegation is one level deep:
//! power delegated to an account that itself delegates is not passed on. To keep counting
//! exact and `O(1)`:
//!
//! - a delegating account cannot vote or commit in token-weighted polls
//!   ([`Error::Delegating`]) and cannot delegate while it has ballots in polls that have not
//!   reached their closing block ([`Error::HasActiveVotes`]);
//! - [`undelegate`](Call::undelegate) keeps the amount frozen in a [`DelegationCooldown`] until
//!   the last closing block of the polls the delegate has ballots in (its power may have been
//!   counted there); until then the account can neither vote in token-weighted polls nor
//!   delegate again. `unlock` releases the amount afterwards.
//!
//! ## Storage
//!
//! All storage is bounded per key. Polls, ballots and results are kept after closing so that
//! anyone can recompute every tally from state (`try_state` does exactly that).
//!
//! | item | key → value | used by |
//! | --- | --- | --- |
//! | [`Polls`] | poll id → [`PollInfo`] (fixed details, without texts or call) | every ballot, `close` |
//! | [`PollTexts`] | poll id → title and option labels | the runtime API only |
//! | [`PollCalls`] | poll id → the SCALE-encoded call | `close` (enactment), the runtime API |
//! | [`Tallies`] | poll id → running [`Tally`] | every ballot, `close` |
//! | [`Ballots`] | (poll id, account) → [`Ballot`] | written by every ballot; read to replace a vote, by roll `commit` and by `reveal` |
//! | [`Results`] | poll id → [`PollResult`] | `close`, late ballots (`AlreadyClosed`) |
//! | [`PollsEndingAt`] | block → poll ids closing then | `create_poll`, `on_initialize`, `close` |
//! | [`EnactmentsDue`] | block → poll ids whose delayed enactment runs then | `create_poll`, `close`, `on_initialize`, `enact` |
//! | [`Tracks`] | track id → [`TrackInfo`] (its bars) | `create_poll`, `set_track` |
//! | [`NextPollId`] | next poll id | `create_poll` |
//! | [`VoterRoll`], [`VoterCount`], [`NextRollTicket`] | account → roll ticket; roll size; next ticket | roll ballots, `create_poll`, roll calls |
//! | [`Voters`] | account → [`VoterState`]: token locks, delegation or cooldown, power delegated to it | token-weighted ballots, `unlock`, `delegate`, `undelegate` |
//!
//! An account's whole token-voting state is one value ([`Voters`]), so that a token-weighted
//! ballot reads and writes it once. A token-weighted voter holds a lock for a poll exactly when
//! it has a ballot there, as long as the poll is open: a first token-weighted ballot therefore
//! knows from the record that there is no ballot to replace and does not read [`Ballots`].
//! Roll ballots never touch [`Voters`] or the freeze.
//!
//! Storage layout change: [`Voters`] replaced the former `VoterLocks`, `Delegations`,
//! `DelegatedPower` and `DelegationCooldowns` maps. There is no migration: the chain runs this
//! layout from genesis.
//!
//! ## Calls
//!
//! | index | call | origin |
//! | --- | --- | --- |
//! | 0 | [`create_poll`](Call::create_poll) | signed (holds `PollDeposit`) |
//! | 1 | [`vote`](Call::vote) | signed, eligible voter |
//! | 2 | [`commit`](Call::commit) | signed, eligible voter |
//! | 3 | [`reveal`](Call::reveal) | signed, committed voter |
//! | 4 | [`close`](Call::close) | signed, anyone |
//! | 5 | [`unlock`](Call::unlock) | signed, anyone (for any account) |
//! | 6 | [`add_voter`](Call::add_voter) | [`Config::RosterOrigin`] |
//! | 7 | [`remove_voter`](Call::remove_voter) | [`Config::RosterOrigin`] |
//! | 8 | [`delegate`](Call::delegate) | signed |
//! | 9 | [`undelegate`](Call::undelegate) | signed, a delegator |
//! | 10 | [`enact`](Call::enact) | signed, anyone |
//! | 11 | [`set_track`](Call::set_track) | [`Config::TrackAdminOrigin`] |
//!
//! Every call validates all its inputs before it writes anything: a failing call changes no
//! state.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use alloc::{boxed::Box, vec::Vec};
use codec::{DecodeLimit, Encode};
use frame_support::{
	dispatch::{DispatchResult, GetDispatchInfo, PostDispatchInfo},
	ensure,
	traits::{
		fungible::{self, Inspect as _, InspectHold as _, MutateFreeze as _, MutateHold as _},
		tokens::Precision,
		Get,
	},
	weights::Weight,
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Dispatchable, Saturating, Zero},
	DispatchError, Perbill, SaturatedConversion,
};

/// Balance of [`Config::Currency`].
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// The runtime call a poll may carry.
pub type CallOf<T> = <T as Config>::RuntimeCall;

/// A stored poll.
pub type PollInfoOf<T> =
	PollInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// The stored texts of a poll.
pub type PollTextOf<T> = PollText<
	BoundedVec<u8, <T as Config>::MaxTitleLength>,
	BoundedVec<BoundedVec<u8, <T as Config>::MaxOptionLength>, <T as Config>::MaxOptions>,
>;

/// Per-option totals as stored.
pub type TotalsOf<T> = BoundedVec<VoteWeight, <T as Config>::MaxOptions>;

/// A stored tally.
pub type TallyOf<T> = Tally<TotalsOf<T>>;

/// A stored result.
pub type PollResultOf<T> = PollResult<BlockNumberFor<T>, TotalsOf<T>>;

/// A stored token lock of one poll.
pub type PollLockOf<T> = PollLock<BalanceOf<T>, BlockNumberFor<T>>;

/// The stored token locks of an account.
pub type LocksOf<T> = BoundedVec<PollLockOf<T>, <T as Config>::MaxPollsPerVoter>;

/// A stored delegation.
pub type DelegationOf<T> = Delegation<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// A stored delegation cooldown.
pub type CooldownOf<T> = DelegationCooldown<BalanceOf<T>, BlockNumberFor<T>>;

/// The stored token-voting record of an account.
pub type VoterStateOf<T> =
	VoterState<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>, LocksOf<T>>;

/// The stored bars of a track.
pub type TrackInfoOf<T> = TrackInfo<BalanceOf<T>, BlockNumberFor<T>>;

/// A poll as returned by the runtime API.
pub type PollDetailsOf<T> =
	PollDetails<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the voting pallet.
	///
	/// The event type needs no declaration: the pallet macro bounds
	/// `frame_system::Config::RuntimeEvent` by `From<Event<Self>>`.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency of poll deposits (held) and token-weighted votes (frozen).
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::MutateFreeze<Self::AccountId, Id = Self::RuntimeFreezeReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The overarching freeze reason.
		type RuntimeFreezeReason: From<FreezeReason>;

		/// The runtime call a poll may carry, dispatched with its track's origin if it passes.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>;

		/// Origin that adds accounts to and removes them from the voter roll (governance).
		type RosterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The governance tracks: their ids, the origin each enacts with and the calls each
		/// may carry (code); their bars are in [`Tracks`].
		type Tracks: TrackOrigins<
			<Self as Config>::RuntimeCall,
			<Self as frame_system::Config>::RuntimeOrigin,
		>;

		/// Origin that changes a track's bars ([`Call::set_track`]): the highest track's.
		type TrackAdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Deposit held from the proposer of each poll until it closes.
		#[pallet::constant]
		type PollDeposit: Get<BalanceOf<Self>>;

		/// Part of the free balance that token-weighted ballots and delegations neither count
		/// nor freeze, so that voters can still pay transaction fees.
		#[pallet::constant]
		type FeeReserve: Get<BalanceOf<Self>>;

		/// Maximum number of options of a poll (at least 2).
		#[pallet::constant]
		type MaxOptions: Get<u32>;

		/// Maximum length of a poll title, in bytes.
		#[pallet::constant]
		type MaxTitleLength: Get<u32>;

		/// Maximum length of an option label, in bytes.
		#[pallet::constant]
		type MaxOptionLength: Get<u32>;

		/// Maximum length of the SCALE encoding of a poll's call, in bytes.
		#[pallet::constant]
		type MaxCallLength: Get<u32>;

		/// Maximum declared weight of a poll's call. With `MaxPollsEndingPerBlock` it bounds
		/// the work of closing polls in one block (checked by `integrity_test`).
		#[pallet::constant]
		type MaxEnactmentWeight: Get<Weight>;

		/// Maximum number of polls closing in the same block.
		#[pallet::constant]
		type MaxPollsEndingPerBlock: Get<u32>;

		/// Maximum number of ballots (votes or commitments) in one poll.
		#[pallet::constant]
		type MaxVotersPerPoll: Get<u32>;

		/// Maximum number of token-weighted polls an account can hold locks for at once.
		#[pallet::constant]
		type MaxPollsPerVoter: Get<u32>;

		/// Minimum length of the voting and reveal periods, in blocks (at least 1).
		#[pallet::constant]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;

		/// Maximum length of the voting and reveal periods, and maximum delay of the start,
		/// in blocks.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
	}

	/// Reasons for which this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an open poll.
		#[codec(index = 0)]
		PollDeposit,
	}

	/// Reasons for which this pallet freezes funds.
	#[pallet::composite_enum]
	pub enum FreezeReason {
		/// Balance counted in token-weighted ballots or delegated, until the polls close.
		#[codec(index = 0)]
		PollVote,
	}

	/// The id the next created poll gets. Greater than every existing poll id.
	#[pallet::storage]
	pub type NextPollId<T> = StorageValue<_, PollId, ValueQuery>;

	/// The fixed details of every poll, open or closed. Never deleted.
	#[pallet::storage]
	pub type Polls<T: Config> = StorageMap<_, Twox64Concat, PollId, PollInfoOf<T>, OptionQuery>;

	/// The title and option labels of every poll.
	#[pallet::storage]
	pub type PollTexts<T: Config> = StorageMap<_, Twox64Concat, PollId, PollTextOf<T>, OptionQuery>;

	/// The SCALE-encoded call of every poll that carries one.
	#[pallet::storage]
	pub type PollCalls<T: Config> =
		StorageMap<_, Twox64Concat, PollId, BoundedVec<u8, T::MaxCallLength>, OptionQuery>;

	/// The running tally of every poll; after closing, the final one.
	#[pallet::storage]
	pub type Tallies<T: Config> = StorageMap<_, Twox64Concat, PollId, TallyOf<T>, OptionQuery>;

	/// The ballot of each voter in each poll: at most `MaxVotersPerPoll` per poll. Kept after
	/// closing.
	#[pallet::storage]
	pub type Ballots<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PollId,
		Blake2_128Concat,
		T::AccountId,
		Ballot,
		OptionQuery,
	>;

	/// The result of every closed poll. A poll is closed exactly when it has a result.
	#[pallet::storage]
	pub type Results<T: Config> = StorageMap<_, Twox64Concat, PollId, PollResultOf<T>, OptionQuery>;

	/// The open polls closing in each block, closed by `on_initialize` of that block. Every
	/// open poll is listed exactly once, under its closing block.
	#[pallet::storage]
	pub type PollsEndingAt<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<PollId, T::MaxPollsEndingPerBlock>,
		ValueQuery,
	>;

	/// The passed polls whose calls are enacted in each block (the closing block plus the
	/// track's enactment delay), by `on_initialize` of that block. A poll with an enactment
	/// delay reserves its place here when it is created, so the list is bounded by
	/// `MaxPollsEndingPerBlock`; it leaves the list when it closes without passing or its call
	/// is enacted.
	#[pallet::storage]
	pub type EnactmentsDue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<PollId, T::MaxPollsEndingPerBlock>,
		ValueQuery,
	>;

	/// The bars of each governance track (see [`TrackInfo`]). Set at genesis for every track
	/// of [`Config::Tracks`]; changed only by [`Call::set_track`].
	#[pallet::storage]
	pub type Tracks<T: Config> = StorageMap<_, Twox64Concat, TrackId, TrackInfoOf<T>, OptionQuery>;

	/// The voter roll: each member with its [`RollTicket`].
	#[pallet::storage]
	pub type VoterRoll<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, RollTicket, OptionQuery>;

	/// Number of accounts on the voter roll.
	#[pallet::storage]
	pub type VoterCount<T> = StorageValue<_, u32, ValueQuery>;

	/// The ticket the next account added to the roll gets. Greater than every ticket.
	#[pallet::storage]
	pub type NextRollTicket<T> = StorageValue<_, RollTicket, ValueQuery>;

	/// The token-voting record of each account ([`VoterState`]): its token locks (one per
	/// token-weighted poll it has a ballot in, until removed by `unlock` from the poll's
	/// closing block on), its delegation or undelegation cooldown, and the power delegated to
	/// it. One value per account, so that a token-weighted ballot reads and writes it once.
	/// Never stored empty (an empty record is removed); absent reads as empty.
	///
	/// Storage layout change: this map replaces the former `VoterLocks`, `Delegations`,
	/// `DelegatedPower` and `DelegationCooldowns`. No migration: the chain runs this layout
	/// from genesis.
	#[pallet::storage]
	pub type Voters<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, VoterStateOf<T>, ValueQuery>;

	/// Genesis configuration: the initial voter roll and the bars of the tracks.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Accounts on the voter roll at genesis. Duplicates are ignored.
		pub voters: Vec<T::AccountId>,
		/// The bars of the tracks (deposits as `u128`, saturated into the balance type).
		/// Every id must be a track of [`Config::Tracks`] and every bar valid (see
		/// [`Call::set_track`]); a track without bars accepts no poll.
		pub tracks: Vec<(TrackId, TrackInfo<u128, BlockNumberFor<T>>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (index, (track, info)) in self.tracks.iter().enumerate() {
				assert!(
					self.tracks
						.iter()
						.skip(index.saturating_add(1))
						.all(|(other, _)| other != track),
					"genesis: track {track} is given twice"
				);
				let info = TrackInfo {
					electorate: info.electorate,
					min_turnout: info.min_turnout,
					min_approval: info.min_approval,
					decision_deposit: info.decision_deposit.saturated_into::<BalanceOf<T>>(),
					min_voting_period: info.min_voting_period,
					enactment_delay: info.enactment_delay,
				};
				assert!(
					Pallet::<T>::ensure_valid_track(*track, &info).is_ok(),
					"genesis: track {track} is unknown or its bars are invalid"
				);
				Tracks::<T>::insert(track, info);
			}
			for voter in &self.voters {
				// The only possible failures are a duplicate (`AlreadyOnRoll`), which is
				// skipped as documented, and a counter overflow, unreachable at genesis.
				let _ = Pallet::<T>::do_add_voter(voter.clone());
			}
		}
	}

	/// Events of the voting pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A poll was created.
		PollCreated {
			/// The new poll's id.
			poll_id: PollId,
			/// Its proposer.
			proposer: T::AccountId,
			/// The deposit held from the proposer.
			deposit: BalanceOf<T>,
			/// Who votes.
			electorate: Electorate,
			/// Public or secret ballots.
			ballot_mode: BallotMode,
			/// The block in which it closes.
			closes_at: BlockNumberFor<T>,
			/// Its track, if it carries a call.
			track: Option<TrackId>,
		},
		/// A public vote was cast or changed.
		Voted {
			/// The poll.
			poll_id: PollId,
			/// The voter.
			voter: T::AccountId,
			/// The chosen option.
			option: OptionIndex,
			/// The ballot's weight.
			weight: VoteWeight,
			/// The option of the replaced vote, if the voter had voted before.
			previous: Option<OptionIndex>,
		},
		/// A secret ballot was committed.
		Committed {
			/// The poll.
			poll_id: PollId,
			/// The voter.
			voter: T::AccountId,
			/// The commitment.
			commitment: [u8; 32],
			/// The ballot's weight, fixed at commit time.
			weight: VoteWeight,
		},
		/// A secret ballot was revealed and is counted.
		Revealed {
			/// The poll.
			poll_id: PollId,
			/// The voter.
			voter: T::AccountId,
			/// The revealed option.
			option: OptionIndex,
			/// The ballot's weight.
			weight: VoteWeight,
		},
		/// A poll was closed; its deposit was released.
		PollClosed {
			/// The poll.
			poll_id: PollId,
			/// Its result, as stored.
			result: PollResultOf<T>,
		},
		/// A poll passed; its call is enacted in block `at` (after the track's enactment
		/// delay), and is public until then.
		EnactmentScheduled {
			/// The poll.
			poll_id: PollId,
			/// The block in which the call is enacted.
			at: BlockNumberFor<T>,
		},
		/// The bars of a track were changed.
		TrackSet {
			/// The track.
			track: TrackId,
			/// Its new bars.
			info: TrackInfoOf<T>,
		},
		/// The call of a passed poll was enacted (or could not be).
		Enacted {
			/// The poll.
			poll_id: PollId,
			/// The outcome of the dispatch.
			result: DispatchResult,
		},
		/// Expired locks of an account were removed.
		Unlocked {
			/// The account.
			who: T::AccountId,
			/// The balance that remains frozen by this pallet.
			frozen: BalanceOf<T>,
		},
		/// An account was added to the voter roll.
		VoterAdded {
			/// The account.
			voter: T::AccountId,
			/// Its roll ticket.
			ticket: RollTicket,
		},
		/// An account was removed from the voter roll.
		VoterRemoved {
			/// The account.
			voter: T::AccountId,
		},
		/// An account delegated its token voting power.
		Delegated {
			/// The delegating account.
			delegator: T::AccountId,
			/// The account that votes with the power.
			target: T::AccountId,
			/// The delegated (and frozen) amount.
			amount: BalanceOf<T>,
		},
		/// An account withdrew its delegation.
		Undelegated {
			/// The formerly delegating account.
			delegator: T::AccountId,
			/// The former delegate.
			target: T::AccountId,
			/// The formerly delegated amount.
			amount: BalanceOf<T>,
			/// The block until which the amount stays frozen (the delegate has ballots in
			/// polls closing then), or `None` if it was released at once.
			locked_until: Option<BlockNumberFor<T>>,
		},
	}

	/// Errors of the voting pallet. Never reorder or remove variants: their index is part of
	/// the metadata.
	#[pallet::error]
	pub enum Error<T> {
		/// A poll needs at least two options.
		TooFewOptions,
		/// A poll has more than `MaxOptions` options.
		TooManyOptions,
		/// The title is longer than `MaxTitleLength`.
		TitleTooLong,
		/// An option label is longer than `MaxOptionLength`.
		OptionTooLong,
		/// The schedule is invalid: a start in the past or more than `MaxVotingPeriod` ahead,
		/// a voting or reveal period outside `MinVotingPeriod..=MaxVotingPeriod`, or a reveal
		/// end given for a public poll or missing for a secret one.
		InvalidSchedule,
		/// The call's encoding is longer than `MaxCallLength`.
		CallTooLong,
		/// The call's declared weight exceeds `MaxEnactmentWeight` (at creation; recorded as
		/// the enactment outcome if it does at close).
		CallTooHeavy,
		/// The stored call no longer decodes (recorded as the enactment outcome).
		UndecodableCall,
		/// No poll has this id.
		UnknownPoll,
		/// The poll has no option with this index.
		UnknownOption,
		/// The voting period has not started.
		NotStarted,
		/// The voting period is over.
		VotingClosed,
		/// Not within the reveal period.
		NotInRevealPeriod,
		/// The poll cannot be closed before its closing block.
		PollNotEnded,
		/// The poll is already closed.
		AlreadyClosed,
		/// The account is not on the voter roll, or was added after the poll was created.
		NotOnRoll,
		/// The call does not fit the poll's ballot mode (`vote` is for public polls, `commit`
		/// and `reveal` for secret ones).
		WrongBallotMode,
		/// The account already committed a ballot in this poll.
		AlreadyCommitted,
		/// The account has no commitment in this poll.
		NoCommitment,
		/// The account's commitment is already revealed.
		AlreadyRevealed,
		/// The option and salt do not hash to the account's commitment.
		CommitmentMismatch,
		/// The account has no voting power (free balance not above `FeeReserve`, and nothing
		/// delegated to it).
		NoVotingPower,
		/// The poll already has `MaxVotersPerPoll` ballots.
		TooManyVoters,
		/// The account already holds locks for `MaxPollsPerVoter` token-weighted polls;
		/// `unlock` the expired ones.
		TooManyPolls,
		/// The account is already on the voter roll.
		AlreadyOnRoll,
		/// The proposer cannot place the poll deposit on hold.
		InsufficientBalance,
		/// A counter, id or tally would overflow.
		Overflow,
		/// `MaxPollsEndingPerBlock` polls already close in the requested closing block.
		TooManyPollsEnding,
		/// The account already delegates its power.
		AlreadyDelegating,
		/// The account does not delegate its power.
		NotDelegating,
		/// An account cannot delegate to itself.
		SelfDelegation,
		/// The account delegates its power, or its undelegation cooldown has not ended: it
		/// cannot vote in token-weighted polls or delegate again yet.
		Delegating,
		/// The account has ballots in polls that have not reached their closing block.
		HasActiveVotes,
		/// The account has no expired lock or cooldown.
		NothingToUnlock,
		/// A poll that carries a call must name a track.
		CallWithoutTrack,
		/// A track is only for polls that carry a call.
		TrackWithoutCall,
		/// No track has this id, or it has no bars.
		UnknownTrack,
		/// The poll's electorate is not its track's.
		WrongElectorate,
		/// The poll's quorum is below its track's minimum turnout.
		TurnoutBelowTrack,
		/// The poll's approval threshold is below its track's minimum approval.
		ApprovalBelowTrack,
		/// The poll's voting period is shorter than its track's minimum.
		PeriodBelowTrack,
		/// The track may not carry this call (its origin cannot dispatch it).
		CallNotOnTrack,
		/// `MaxPollsEndingPerBlock` enactments are already due in the poll's enactment block.
		TooManyEnactments,
		/// The poll has not passed, or carries no call: there is nothing to enact.
		NotPassed,
		/// The poll's enactment block has not been reached.
		EnactmentNotDue,
		/// The poll's call has already been enacted.
		AlreadyEnacted,
		/// A poll that carries a call must have exactly the options `aye` (0) and `nay` (1).
		NotAyeNay,
		/// A track's bars are invalid: a minimum voting period outside
		/// `MinVotingPeriod..=MaxVotingPeriod`, an enactment delay above `MaxVotingPeriod`,
		/// or a decision deposit below `PollDeposit`.
		InvalidTrack,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Close the polls whose closing block is `now`: at most `MaxPollsEndingPerBlock`,
		/// each `O(options)` plus its enactment (at most `MaxEnactmentWeight`).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let due = PollsEndingAt::<T>::take(now);
			let count = u32::try_from(due.len()).unwrap_or(u32::MAX);
			let mut weight = T::WeightInfo::close_due_polls(count);
			for poll_id in due {
				match Self::do_close(poll_id, true) {
					Ok(enactment) => weight.saturating_accrue(enactment),
					Err(error) => {
						defensive!("a due poll could not be closed", error);
					}
				}
			}
			// Then enact the calls whose enactment delay ends now. Each is charged as a
			// `close` (a superset of its reads and writes: `Polls`, `Results`, `PollCalls`)
			// plus what its call used. The list is bounded by `MaxPollsEndingPerBlock`.
			weight.saturating_accrue(T::DbWeight::get().reads_writes(1, 1));
			for poll_id in EnactmentsDue::<T>::take(now) {
				weight.saturating_accrue(T::WeightInfo::close());
				// A poll that should have closed by now but has not (its close failed) is
				// closed here, which enacts its call if it passed.
				let outcome = if Results::<T>::contains_key(poll_id) {
					Self::do_enact(poll_id, true)
				} else {
					Self::do_close(poll_id, false)
				};
				match outcome {
					Ok(used) => weight.saturating_accrue(used),
					Err(error) => {
						defensive!("a due enactment could not be run", error);
					}
				}
			}
			weight
		}

		fn integrity_test() {
			assert!(T::MaxOptions::get() >= 2, "`MaxOptions` must be at least 2");
			assert!(!T::MinVotingPeriod::get().is_zero(), "`MinVotingPeriod` must be at least 1");
			assert!(
				T::MinVotingPeriod::get() <= T::MaxVotingPeriod::get(),
				"`MinVotingPeriod` must not exceed `MaxVotingPeriod`"
			);
			assert!(T::MaxPollsEndingPerBlock::get() > 0, "`MaxPollsEndingPerBlock` must be > 0");
			assert!(T::MaxVotersPerPoll::get() > 0, "`MaxVotersPerPoll` must be > 0");
			assert!(T::MaxPollsPerVoter::get() > 0, "`MaxPollsPerVoter` must be > 0");
			let per_poll = T::WeightInfo::close().saturating_add(T::MaxEnactmentWeight::get());
			// Closing `MaxPollsEndingPerBlock` polls (each enacting at once) and running
			// `MaxPollsEndingPerBlock` delayed enactments in the same block.
			let max_polls = u64::from(T::MaxPollsEndingPerBlock::get());
			let worst = T::WeightInfo::close_due_polls(T::MaxPollsEndingPerBlock::get())
				.saturating_add(T::MaxEnactmentWeight::get().saturating_mul(max_polls))
				.saturating_add(per_poll.saturating_mul(max_polls));
			let max_block = <T as frame_system::Config>::BlockWeights::get().max_block;
			assert!(per_poll.all_lte(max_block), "closing one poll must fit in a block");
			assert!(
				worst.all_lte(max_block),
				"closing `MaxPollsEndingPerBlock` polls and enacting as many must fit in a block"
			);
			let tracks = T::Tracks::tracks();
			for (index, (track, name)) in tracks.iter().enumerate() {
				assert!(
					T::Tracks::origin(*track).is_some(),
					"track {track} ({name}) has no origin"
				);
				assert!(
					tracks.iter().skip(index.saturating_add(1)).all(|(other, _)| other != track),
					"track id {track} ({name}) is used twice"
				);
			}
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a poll, holding `PollDeposit` from the caller until it closes.
		///
		/// - Origin: signed (the proposer).
		/// - `title`: at most `MaxTitleLength` bytes.
		/// - `description`: digest of the off-chain description.
		/// - `options`: `2..=MaxOptions` labels of at most `MaxOptionLength` bytes. With a
		///   `call`, exactly `aye` (option 0, approve) and `nay` (option 1).
		/// - `electorate`: token-weighted, or one account one vote over the voter roll (as it
		///   is now).
		/// - `ballot_mode`: public or secret.
		/// - `schedule`: see [`Schedule`]; `reveal_end` must be given exactly for secret polls.
		/// - `quorum`: minimum turnout as a share of the eligible weight.
		/// - `threshold`: minimum share of the turnout for the winning option.
		/// - `track`: required exactly with a `call`: the governance track (see [`Tracks`]).
		///   The poll must use the track's electorate, a quorum and threshold at least its
		///   minimum turnout and approval, and a voting period at least its minimum; the
		///   track's decision deposit is held (if above `PollDeposit`), and the call must be
		///   one the track may carry.
		/// - `call`: optional call dispatched with the track's origin if the poll passes, after
		///   the track's enactment delay; its encoding at most `MaxCallLength` bytes, its
		///   weight at most `MaxEnactmentWeight`.
		///
		/// Polls without a call (opinion polls) choose their rules freely.
		///
		/// Weight ([`WeightInfo::create_poll`], linear in the number of options; worst case a
		/// maximal title and labels and a call of `MaxCallLength` bytes): reads `NextPollId`
		/// (the new id), `PollsEndingAt` of the closing block (room for the poll),
		/// `NextRollTicket` and `VoterCount` (roll polls: cutoff and eligible weight), and the
		/// deposit hold (`Balances::Holds`, `System::Account`); writes `Polls`, `PollTexts`,
		/// `PollCalls` (with a call), `Tallies` (zeroed), `PollsEndingAt`, `NextPollId` and the
		/// hold. With a track it also reads `Tracks` and reads and writes `EnactmentsDue`
		/// (charged as one read and one write of the database on top of the benchmarked
		/// figure until the benchmark covers a track).
		///
		/// Emits [`Event::PollCreated`].
		///
		/// Errors: [`Error::TooFewOptions`], [`Error::TooManyOptions`],
		/// [`Error::TitleTooLong`], [`Error::OptionTooLong`], [`Error::InvalidSchedule`],
		/// [`Error::CallTooLong`], [`Error::CallTooHeavy`], [`Error::TooManyPollsEnding`],
		/// [`Error::InsufficientBalance`], [`Error::Overflow`], and for the track:
		/// [`Error::CallWithoutTrack`], [`Error::TrackWithoutCall`], [`Error::UnknownTrack`],
		/// [`Error::CallNotOnTrack`], [`Error::WrongElectorate`],
		/// [`Error::TurnoutBelowTrack`], [`Error::ApprovalBelowTrack`],
		/// [`Error::PeriodBelowTrack`], [`Error::TooManyEnactments`], [`Error::NotAyeNay`].
		#[pallet::call_index(0)]
		#[pallet::weight(match call {
			// The benchmarked `create_poll(2)` of `weights.rs` includes a call of
			// `MaxCallLength` bytes; the track adds `Tracks` and `EnactmentsDue`. To be
			// replaced by `create_referendum` when the weights are regenerated.
			Some(_) => T::WeightInfo::create_poll(2)
				.saturating_add(T::DbWeight::get().reads_writes(2, 1)),
			None => T::WeightInfo::create_poll(options.len().saturated_into()),
		})]
		pub fn create_poll(
			origin: OriginFor<T>,
			title: Vec<u8>,
			description: [u8; 32],
			options: Vec<Vec<u8>>,
			electorate: Electorate,
			ballot_mode: BallotMode,
			schedule: Schedule<BlockNumberFor<T>>,
			quorum: Perbill,
			threshold: Perbill,
			track: Option<TrackId>,
			call: Option<Box<<T as Config>::RuntimeCall>>,
		) -> DispatchResult {
			let proposer = ensure_signed(origin)?;
			Self::do_create_poll(
				proposer,
				title,
				description,
				options,
				electorate,
				ballot_mode,
				schedule,
				quorum,
				threshold,
				track,
				call.map(|call| *call),
			)
			.map(|_| ())
		}

		/// Vote for `option` in public poll `poll_id`, or change the caller's vote.
		///
		/// - Origin: signed by an eligible voter: on the roll since before the poll was
		///   created (roll polls), or with voting power and not delegating (token-weighted
		///   polls; the own part of the power is frozen until the poll closes).
		/// - `poll_id`: a public poll in its voting period.
		/// - `option`: the chosen option.
		///
		/// Weight ([`WeightInfo::vote`]; worst case: a token-weighted poll, a voter with
		/// delegated power and `MaxPollsPerVoter - 1` other locks changing its vote, with a
		/// larger own balance than before, so that the freeze must be raised):
		/// - reads `Polls` (mode, schedule, option count, electorate), `Tallies` (updated) and
		///   `Ballots` (the replaced ballot; not read for a first token-weighted ballot: while
		///   the poll is open the voter has a ballot there exactly when it holds a lock for it);
		/// - token-weighted polls: reads the caller's `Voters` record, one value for what four
		///   maps held before (delegation and cooldown: eligibility; delegated power: weight;
		///   locks: the new lock and the freeze) and `System::Account` (free balance: own
		///   power); writes `Voters` (not when re-voting with an unchanged own balance) and,
		///   only when the maximum over locks, delegation and cooldown changes, the freeze
		///   (`Balances::Freezes` read and written, `Balances::Locks` read, `System::Account`
		///   written);
		/// - roll polls: reads `VoterRoll` (the ticket) instead; no record, no freeze;
		/// - writes `Tallies` and `Ballots`. `Results` is read only to report `AlreadyClosed`.
		///
		/// Emits [`Event::Voted`].
		///
		/// Errors: [`Error::UnknownPoll`], [`Error::WrongBallotMode`], [`Error::NotStarted`],
		/// [`Error::VotingClosed`], [`Error::AlreadyClosed`], [`Error::UnknownOption`],
		/// [`Error::NotOnRoll`], [`Error::Delegating`], [`Error::NoVotingPower`],
		/// [`Error::TooManyVoters`], [`Error::TooManyPolls`], [`Error::Overflow`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::vote())]
		pub fn vote(origin: OriginFor<T>, poll_id: PollId, option: OptionIndex) -> DispatchResult {
			let voter = ensure_signed(origin)?;
			Self::do_vote(voter, poll_id, option)
		}

		/// Commit a secret ballot in poll `poll_id`: once per voter, during the voting period.
		///
		/// - Origin: signed by an eligible voter (as for [`Call::vote`]); in token-weighted
		///   polls the weight is fixed and frozen now.
		/// - `poll_id`: a secret poll in its voting period.
		/// - `commitment`: `keccak_256(SCALE((poll_id, option, salt, voter)))`, see the crate
		///   docs and [`Pallet::commitment_of`].
		///
		/// Weight ([`WeightInfo::commit`]; worst case: a token-weighted poll, a voter with
		/// delegated power and `MaxPollsPerVoter - 1` other locks, with a larger own balance
		/// than they counted, so that the freeze must be raised):
		/// - reads `Polls` and `Tallies` (updated);
		/// - token-weighted polls: reads the caller's `Voters` record (its locks tell whether
		///   it has already committed, so `Ballots` is not read; delegation and cooldown:
		///   eligibility; delegated power: weight) and `System::Account` (own power); writes
		///   `Voters` (the new lock) and, only when the maximum over locks, delegation and
		///   cooldown changes, the freeze (`Balances::Freezes` read and written,
		///   `Balances::Locks` read, `System::Account` written);
		/// - roll polls: reads `Ballots` (already committed?) and `VoterRoll` (the ticket)
		///   instead; no record, no freeze;
		/// - writes `Tallies` and `Ballots`. `Results` is read only to report `AlreadyClosed`.
		///
		/// Emits [`Event::Committed`].
		///
		/// Errors: [`Error::UnknownPoll`], [`Error::WrongBallotMode`], [`Error::NotStarted`],
		/// [`Error::VotingClosed`], [`Error::AlreadyClosed`], [`Error::AlreadyCommitted`],
		/// [`Error::NotOnRoll`], [`Error::Delegating`], [`Error::NoVotingPower`],
		/// [`Error::TooManyVoters`], [`Error::TooManyPolls`], [`Error::Overflow`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::commit())]
		pub fn commit(
			origin: OriginFor<T>,
			poll_id: PollId,
			commitment: [u8; 32],
		) -> DispatchResult {
			let voter = ensure_signed(origin)?;
			Self::do_commit(voter, poll_id, commitment)
		}

		/// Reveal the caller's secret ballot in poll `poll_id`; it is counted from now on.
		///
		/// - Origin: signed by an account with an unrevealed commitment in the poll.
		/// - `poll_id`: a secret poll in its reveal period.
		/// - `option`, `salt`: the preimage of the commitment (with `poll_id` and the caller).
		///
		/// Weight ([`WeightInfo::reveal`]): reads `Polls` (mode, reveal period, option count),
		/// `Ballots` (the commitment and weight) and `Tallies`; writes `Tallies` (the revealed
		/// weight) and `Ballots` (the revealed option). `Results` is read only to report
		/// `AlreadyClosed`. Tokens were frozen at commit time, so no record or freeze is
		/// touched.
		///
		/// Emits [`Event::Revealed`].
		///
		/// Errors: [`Error::UnknownPoll`], [`Error::WrongBallotMode`],
		/// [`Error::NotInRevealPeriod`], [`Error::AlreadyClosed`], [`Error::NoCommitment`],
		/// [`Error::AlreadyRevealed`], [`Error::UnknownOption`],
		/// [`Error::CommitmentMismatch`], [`Error::Overflow`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reveal())]
		pub fn reveal(
			origin: OriginFor<T>,
			poll_id: PollId,
			option: OptionIndex,
			salt: [u8; 32],
		) -> DispatchResult {
			let voter = ensure_signed(origin)?;
			Self::do_reveal(voter, poll_id, option, salt)
		}

		/// Close poll `poll_id` from its closing block on, if `on_initialize` has not already:
		/// store and emit the result, release the deposit, and enact the call if it passed.
		/// Charges the enactment's actual weight only.
		///
		/// - Origin: signed, anyone.
		/// - `poll_id`: the poll.
		///
		/// Weight ([`WeightInfo::close`] plus the enactment, at most `MaxEnactmentWeight`;
		/// worst case a passed token-weighted poll with `MaxOptions` options and a call of
		/// `MaxCallLength` bytes): reads `Polls`, `Results` (not closed yet), `Tallies`, the
		/// total issuance (token-weighted polls: eligible weight), the deposit hold
		/// (`Balances::Holds`, `System::Account`), `PollsEndingAt` (to unschedule the poll) and
		/// `PollCalls` (only for a passed poll with a call); writes `Results`, the released
		/// hold and `PollsEndingAt`. Voters are never iterated.
		///
		/// Emits [`Event::PollClosed`], preceded by [`Event::Enacted`] for a passed poll with a
		/// call (a failing call does not make `close` fail).
		///
		/// Errors: [`Error::UnknownPoll`], [`Error::AlreadyClosed`], [`Error::PollNotEnded`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::close().saturating_add(T::MaxEnactmentWeight::get()))]
		pub fn close(origin: OriginFor<T>, poll_id: PollId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let enactment = Self::do_close(poll_id, false)?;
			Ok(Some(T::WeightInfo::close().saturating_add(enactment)).into())
		}

		/// Remove the expired token locks (polls from their closing block on) and the ended
		/// delegation cooldown of `target`, and lower its freeze accordingly.
		///
		/// - Origin: signed, anyone (so that an account whose funds are frozen can be unlocked
		///   by another).
		/// - `target`: the account to unlock.
		///
		/// Weight ([`WeightInfo::unlock`]; worst case `MaxPollsPerVoter` expired locks on a
		/// record that also holds delegated power): reads `target`'s `Voters` record (locks
		/// and cooldown to drop; delegation for the remaining freeze); writes it (or removes
		/// it once empty) and, only when the frozen amount changes, the freeze
		/// (`Balances::Freezes` read and written, `Balances::Locks` read, `System::Account`
		/// read and written).
		///
		/// Emits [`Event::Unlocked`].
		///
		/// Errors: [`Error::NothingToUnlock`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::unlock())]
		pub fn unlock(origin: OriginFor<T>, target: T::AccountId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_unlock(target)
		}

		/// Add `voter` to the voter roll. It can vote in roll polls created from now on.
		///
		/// - Origin: [`Config::RosterOrigin`].
		/// - `voter`: the account to add.
		///
		/// Weight ([`WeightInfo::add_voter`]): reads and writes `VoterRoll` (not yet on it),
		/// `NextRollTicket` (its ticket) and `VoterCount`.
		///
		/// Emits [`Event::VoterAdded`].
		///
		/// Errors: [`Error::AlreadyOnRoll`], [`Error::Overflow`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::add_voter())]
		pub fn add_voter(origin: OriginFor<T>, voter: T::AccountId) -> DispatchResult {
			T::RosterOrigin::ensure_origin(origin)?;
			Self::do_add_voter(voter)
		}

		/// Remove `voter` from the voter roll. Its ballots already cast stay counted.
		///
		/// - Origin: [`Config::RosterOrigin`].
		/// - `voter`: the account to remove.
		///
		/// Weight ([`WeightInfo::remove_voter`]): reads and writes `VoterRoll` (on it) and
		/// `VoterCount`.
		///
		/// Emits [`Event::VoterRemoved`].
		///
		/// Errors: [`Error::NotOnRoll`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::remove_voter())]
		pub fn remove_voter(origin: OriginFor<T>, voter: T::AccountId) -> DispatchResult {
			T::RosterOrigin::ensure_origin(origin)?;
			Self::do_remove_voter(voter)
		}

		/// Delegate the caller's token voting power (its free balance less `FeeReserve`, frozen
		/// from now on) to `target`, which votes with it in token-weighted polls.
		///
		/// - Origin: signed, not delegating, without ballots in polls that have not reached
		///   their closing block.
		/// - `target`: the delegate (not the caller).
		///
		/// Weight ([`WeightInfo::delegate`]; worst case both records hold `MaxPollsPerVoter`
		/// locks and the freeze must be raised): reads the caller's `Voters` record
		/// (delegation, cooldown and active locks: may it delegate; everything: the freeze),
		/// `System::Account` (own power) and the target's `Voters` record (its delegated
		/// power); writes both records and, only when the frozen amount changes, the freeze
		/// (`Balances::Freezes` read and written, `Balances::Locks` read, `System::Account`
		/// written).
		///
		/// Emits [`Event::Delegated`].
		///
		/// Errors: [`Error::SelfDelegation`], [`Error::AlreadyDelegating`],
		/// [`Error::Delegating`], [`Error::HasActiveVotes`], [`Error::NoVotingPower`],
		/// [`Error::Overflow`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::delegate())]
		pub fn delegate(origin: OriginFor<T>, target: T::AccountId) -> DispatchResult {
			let delegator = ensure_signed(origin)?;
			Self::do_delegate(delegator, target)
		}

		/// Withdraw the caller's delegation. The amount stays frozen until the polls in which
		/// the delegate has ballots close (see the crate docs), then `unlock` releases it.
		///
		/// - Origin: signed by a delegating account.
		///
		/// Weight ([`WeightInfo::undelegate`]; worst case both records hold `MaxPollsPerVoter`
		/// locks and the delegate's have all expired, so the amount is released at once):
		/// reads the caller's `Voters` record (the delegation; everything: the freeze) and the
		/// former delegate's (its delegated power, and its locks' closing blocks: the
		/// cooldown); writes both records (removing empty ones) and, only when the frozen
		/// amount changes (not when a cooldown keeps it), the freeze (`Balances::Freezes` read
		/// and written, `Balances::Locks` read, `System::Account` read and written).
		///
		/// Emits [`Event::Undelegated`].
		///
		/// Errors: [`Error::NotDelegating`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::undelegate())]
		pub fn undelegate(origin: OriginFor<T>) -> DispatchResult {
			let delegator = ensure_signed(origin)?;
			Self::do_undelegate(delegator)
		}

		/// Enact the call of passed poll `poll_id` from its enactment block on, if
		/// `on_initialize` has not already. Charges the enactment's actual weight only.
		///
		/// - Origin: signed, anyone.
		/// - `poll_id`: a closed poll that passed and carries a call.
		///
		/// Weight: charged as [`WeightInfo::close`] (a superset of its reads and writes: reads
		/// `Polls`, `Results` and `PollCalls`, writes `Results` and `EnactmentsDue`) plus the
		/// enactment, at most `MaxEnactmentWeight`.
		///
		/// Emits [`Event::Enacted`].
		///
		/// Errors: [`Error::UnknownPoll`], [`Error::PollNotEnded`] (not closed yet),
		/// [`Error::NotPassed`], [`Error::EnactmentNotDue`], [`Error::AlreadyEnacted`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::close().saturating_add(T::MaxEnactmentWeight::get()))]
		pub fn enact(origin: OriginFor<T>, poll_id: PollId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let used = Self::do_enact(poll_id, false)?;
			Ok(Some(T::WeightInfo::close().saturating_add(used)).into())
		}

		/// Set the bars of `track` for the polls created from now on (open polls keep the
		/// rules they were created with).
		///
		/// - Origin: [`Config::TrackAdminOrigin`] (the highest track).
		/// - `track`: a track of [`Config::Tracks`].
		/// - `info`: the new bars; the minimum voting period within
		///   `MinVotingPeriod..=MaxVotingPeriod`, the enactment delay at most
		///   `MaxVotingPeriod`, the decision deposit at least `PollDeposit`.
		///
		/// Weight: one write of the database (`Tracks`), charged from the database weights
		/// until the benchmark covers this call.
		///
		/// Emits [`Event::TrackSet`].
		///
		/// Errors: [`Error::UnknownTrack`], [`Error::InvalidTrack`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::DbWeight::get().writes(1))]
		pub fn set_track(
			origin: OriginFor<T>,
			track: TrackId,
			info: TrackInfoOf<T>,
		) -> DispatchResult {
			T::TrackAdminOrigin::ensure_origin(origin)?;
			Self::ensure_valid_track(track, &info)?;
			Tracks::<T>::insert(track, info);
			Self::deposit_event(Event::TrackSet { track, info });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Create a poll and return its id. See [`Call::create_poll`].
	pub fn do_create_poll(
		proposer: T::AccountId,
		title: Vec<u8>,
		description: [u8; 32],
		options: Vec<Vec<u8>>,
		electorate: Electorate,
		ballot_mode: BallotMode,
		schedule: Schedule<BlockNumberFor<T>>,
		quorum: Perbill,
		threshold: Perbill,
		track: Option<TrackId>,
		call: Option<CallOf<T>>,
	) -> Result<PollId, DispatchError> {
		ensure!(options.len() >= 2, Error::<T>::TooFewOptions);
		ensure!(options.len() <= T::MaxOptions::get() as usize, Error::<T>::TooManyOptions);
		let title = BoundedVec::<u8, T::MaxTitleLength>::try_from(title)
			.map_err(|_| Error::<T>::TitleTooLong)?;
		let labels = options
			.into_iter()
			.map(|label| {
				BoundedVec::<u8, T::MaxOptionLength>::try_from(label)
					.map_err(|_| Error::<T>::OptionTooLong)
			})
			.collect::<Result<Vec<_>, _>>()?;
		let labels = BoundedVec::<_, T::MaxOptions>::try_from(labels)
			.map_err(|_| Error::<T>::TooManyOptions)?;
		let option_count = u32::try_from(labels.len()).map_err(|_| Error::<T>::TooManyOptions)?;

		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_valid_schedule(&schedule, ballot_mode, now)?;

		// A call needs a track, and the poll must meet the track's bar.
		let track_info = match (&call, track) {
			(None, None) => None,
			(Some(_), None) => return Err(Error::<T>::CallWithoutTrack.into()),
			(None, Some(_)) => return Err(Error::<T>::TrackWithoutCall.into()),
			(Some(call), Some(track)) => {
				ensure!(
					matches!(
						labels.as_slice(),
						[aye, nay] if aye.as_slice() == AYE && nay.as_slice() == NAY
					),
					Error::<T>::NotAyeNay
				);
				let info = Tracks::<T>::get(track)
					.filter(|_| T::Tracks::exists(track))
					.ok_or(Error::<T>::UnknownTrack)?;
				ensure!(T::Tracks::allows(track, call), Error::<T>::CallNotOnTrack);
				ensure!(electorate == info.electorate, Error::<T>::WrongElectorate);
				ensure!(quorum >= info.min_turnout, Error::<T>::TurnoutBelowTrack);
				ensure!(threshold >= info.min_approval, Error::<T>::ApprovalBelowTrack);
				ensure!(
					schedule.end.saturating_sub(schedule.start) >= info.min_voting_period,
					Error::<T>::PeriodBelowTrack
				);
				Some(info)
			}
		};

		let call = match call {
			Some(call) => {
				let bytes = BoundedVec::<u8, T::MaxCallLength>::try_from(call.encode())
					.map_err(|_| Error::<T>::CallTooLong)?;
				ensure!(
					call.get_dispatch_info().call_weight.all_lte(T::MaxEnactmentWeight::get()),
					Error::<T>::CallTooHeavy
				);
				Some(bytes)
			}
			None => None,
		};

		// Compute every new value before writing anything.
		let closes_at = schedule.closes_at();
		let poll_id = NextPollId::<T>::get();
		let next_poll_id = poll_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let mut ending = PollsEndingAt::<T>::get(closes_at);
		ending.try_push(poll_id).map_err(|_| Error::<T>::TooManyPollsEnding)?;
		// A delayed enactment reserves its place in its enactment block now, so that at most
		// `MaxPollsEndingPerBlock` enactments are ever due in one block.
		let enact_at = match &track_info {
			Some(info) => {
				Some(closes_at.checked_add(&info.enactment_delay).ok_or(Error::<T>::Overflow)?)
			}
			None => None,
		};
		let enactments = match enact_at {
			Some(at) if at > closes_at => {
				let mut due = EnactmentsDue::<T>::get(at);
				due.try_push(poll_id).map_err(|_| Error::<T>::TooManyEnactments)?;
				Some((at, due))
			}
			_ => None,
		};
		let deposit = track_info.as_ref().map_or_else(T::PollDeposit::get, |info| {
			info.decision_deposit.max(T::PollDeposit::get())
		});
		let reason = T::RuntimeHoldReason::from(HoldReason::PollDeposit);
		ensure!(
			T::Currency::can_hold(&reason, &proposer, deposit),
			Error::<T>::InsufficientBalance
		);
		let (roll_cutoff, roll_size) = match electorate {
			Electorate::VoterRoll => (NextRollTicket::<T>::get(), VoterCount::<T>::get()),
			Electorate::TokenWeighted => (0, 0),
		};
		let totals = TotalsOf::<T>::try_from(alloc::vec![0; labels.len()])
			.map_err(|_| Error::<T>::TooManyOptions)?;

		if !deposit.is_zero() {
			T::Currency::hold(&reason, &proposer, deposit)?;
		}
		let info = PollInfo {
			proposer: proposer.clone(),
			deposit,
			created_at: now,
			description,
			option_count,
			electorate,
			ballot_mode,
			schedule,
			quorum,
			threshold,
			roll_cutoff,
			roll_size,
			has_call: call.is_some(),
			track: track_info.and(track),
			enact_at,
		};
		Polls::<T>::insert(poll_id, info);
		PollTexts::<T>::insert(poll_id, PollText { title, options: labels });
		if let Some(call) = call {
			PollCalls::<T>::insert(poll_id, call);
		}
		Tallies::<T>::insert(poll_id, Tally { totals, turnout: 0, ballots: 0, revealed: 0 });
		PollsEndingAt::<T>::insert(closes_at, ending);
		if let Some((at, due)) = enactments {
			EnactmentsDue::<T>::insert(at, due);
		}
		NextPollId::<T>::put(next_poll_id);

		Self::deposit_event(Event::PollCreated {
			poll_id,
			proposer,
			deposit,
			electorate,
			ballot_mode,
			closes_at,
			track,
		});
		Ok(poll_id)
	}

	/// Cast or change the public vote of `voter`. See [`Call::vote`].
	pub fn do_vote(voter: T::AccountId, poll_id: PollId, option: OptionIndex) -> DispatchResult {
		let info = Polls::<T>::get(poll_id).ok_or(Error::<T>::UnknownPoll)?;
		ensure!(info.ballot_mode == BallotMode::Public, Error::<T>::WrongBallotMode);
		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_voting_open(poll_id, &info, now)?;
		ensure!(option < info.option_count, Error::<T>::UnknownOption);
		let (weight, token) = match info.electorate {
			Electorate::VoterRoll => (Self::roll_weight(&voter, &info)?, None),
			Electorate::TokenWeighted => {
				let state = Voters::<T>::get(&voter);
				let (weight, own) = Self::token_weight(&voter, &state, now)?;
				(weight, Some((state, own)))
			}
		};

		let mut tally = Tallies::<T>::get(poll_id).ok_or(Error::<T>::UnknownPoll)?;
		// While the poll is open, a token-weighted voter has a ballot in it exactly when it
		// holds a lock for it (locks go only from the closing block on): a first
		// token-weighted ballot needs no read of `Ballots`.
		let may_have_voted =
			token.as_ref().is_none_or(|(state, _)| state.lock_of(poll_id).is_some());
		let old_ballot = if may_have_voted { Ballots::<T>::get(poll_id, &voter) } else { None };
		let previous = match old_ballot {
			Some(Ballot { vote: Vote::Public { option: old }, weight: old_weight }) => {
				tally.remove(old, old_weight).map_err(|_| Error::<T>::Overflow)?;
				Some(old)
			}
			Some(_) => return Err(Error::<T>::WrongBallotMode.into()),
			None => {
				tally.ballots = tally.ballots.checked_add(1).ok_or(Error::<T>::Overflow)?;
				ensure!(tally.ballots <= T::MaxVotersPerPoll::get(), Error::<T>::TooManyVoters);
				None
			}
		};
		tally.add(option, weight).map_err(|_| Error::<T>::Overflow)?;
		let update = match token {
			// Re-voting with an unchanged own balance changes neither the record nor the
			// freeze: nothing to write.
			Some((state, own)) if state.lock_of(poll_id).is_some_and(|lock| lock.amount == own) => {
				None
			}
			Some((mut state, own)) => {
				let freeze = Self::lock(&mut state, poll_id, own, info.schedule.closes_at())?;
				Some((state, freeze))
			}
			None => None,
		};

		if let Some((state, freeze)) = update {
			if let Some(frozen) = freeze {
				Self::set_vote_freeze(&voter, frozen)?;
			}
			Voters::<T>::insert(&voter, state);
		}
		Tallies::<T>::insert(poll_id, tally);
		Ballots::<T>::insert(poll_id, &voter, Ballot { vote: Vote::Public { option }, weight });
		Self::deposit_event(Event::Voted { poll_id, voter, option, weight, previous });
		Ok(())
	}

	/// Commit the secret ballot of `voter`. See [`Call::commit`].
	pub fn do_commit(voter: T::AccountId, poll_id: PollId, commitment: [u8; 32]) -> DispatchResult {
		let info = Polls::<T>::get(poll_id).ok_or(Error::<T>::UnknownPoll)?;
		ensure!(info.ballot_mode == BallotMode::Secret, Error::<T>::WrongBallotMode);
		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_voting_open(poll_id, &info, now)?;
		let (weight, token) = match info.electorate {
			Electorate::VoterRoll => {
				ensure!(!Ballots::<T>::contains_key(poll_id, &voter), Error::<T>::AlreadyCommitted);
				(Self::roll_weight(&voter, &info)?, None)
			}
			Electorate::TokenWeighted => {
				let state = Voters::<T>::get(&voter);
				// While the poll is open, a token-weighted voter has a ballot in it exactly
				// when it holds a lock for it: the record answers without reading `Ballots`.
				ensure!(state.lock_of(poll_id).is_none(), Error::<T>::AlreadyCommitted);
				let (weight, own) = Self::token_weight(&voter, &state, now)?;
				(weight, Some((state, own)))
			}
		};

		let mut tally = Tallies::<T>::get(poll_id).ok_or(Error::<T>::UnknownPoll)?;
		tally.ballots = tally.ballots.checked_add(1).ok_or(Error::<T>::Overflow)?;
		ensure!(tally.ballots <= T::MaxVotersPerPoll::get(), Error::<T>::TooManyVoters);
		let update = match token {
			Some((mut state, own)) => {
				let freeze = Self::lock(&mut state, poll_id, own, info.schedule.closes_at())?;
				Some((state, freeze))
			}
			None => None,
		};

		if let Some((state, freeze)) = update {
			if let Some(frozen) = freeze {
				Self::set_vote_freeze(&voter, frozen)?;
			}
			Voters::<T>::insert(&voter, state);
		}
		Tallies::<T>::insert(poll_id, tally);
		let ballot = Ballot { vote: Vote::Secret { commitment, revealed: None }, weight };
		Ballots::<T>::insert(poll_id, &voter, ballot);
		Self::deposit_event(Event::Committed { poll_id, voter, commitment, weight });
		Ok(())
	}

	/// Reveal the secret ballot of `voter`. See [`Call::reveal`].
	pub fn do_reveal(
		voter: T::AccountId,
		poll_id: PollId,
		option: OptionIndex,
		salt: [u8; 32],
	) -> DispatchResult {
		let info = Polls::<T>::get(poll_id).ok_or(Error::<T>::UnknownPoll)?;
		ensure!(info.ballot_mode == BallotMode::Secret, Error::<T>::WrongBallotMode);
		let reveal_end = info.schedule.reveal_end.ok_or(Error::<T>::WrongBallotMode)?;
		let now = frame_system::Pallet::<T>::block_number();
		if now >= reveal_end {
			let error = if Results::<T>::contains_key(poll_id) {
				Error::<T>::AlreadyClosed
			} else {
				Error::<T>::NotInRevealPeriod
			};
			return Err(error.into());
		}
		ensure!(now >= info.schedule.end, Error::<T>::NotInRevealPeriod);

		let mut ballot = Ballots::<T>::get(poll_id, &voter).ok_or(Error::<T>::NoCommitment)?;
		let Vote::Secret { commitment, revealed } = ballot.vote else {
			return Err(Error::<T>::WrongBallotMode.into());
		};
		ensure!(revealed.is_none(), Error::<T>::AlreadyRevealed);
		ensure!(option < info.option_count, Error::<T>::UnknownOption);
		ensure!(
			Self::commitment_of(poll_id, option, &salt, &voter) == commitment,
			Error::<T>::CommitmentMismatch
		);

		let mut tally = Tallies::<T>::get(poll_id).ok_or(Error::<T>::UnknownPoll)?;
		tally.add(option, ballot.weight).map_err(|_| Error::<T>::Overflow)?;
		tally.revealed = tally.revealed.checked_add(1).ok_or(Error::<T>::Overflow)?;
		ballot.vote = Vote::Secret { commitment, revealed: Some(option) };

		Tallies::<T>::insert(poll_id, tally);
		Ballots::<T>::insert(poll_id, &voter, ballot);
		Self::deposit_event(Event::Revealed { poll_id, voter, option, weight: ballot.weight });
		Ok(())
	}

	/// Close poll `poll_id` and return the weight its enactment used. See [`Call::close`].
	///
	/// `from_hook`: called by `on_initialize`, which has already taken the poll out of
	/// [`PollsEndingAt`].
	pub fn do_close(poll_id: PollId, from_hook: bool) -> Result<Weight, DispatchError> {
		let info = Polls::<T>::get(poll_id).ok_or(Error::<T>::UnknownPoll)?;
		ensure!(!Results::<T>::contains_key(poll_id), Error::<T>::AlreadyClosed);
		let now = frame_system::Pallet::<T>::block_number();
		let closes_at = info.schedule.closes_at();
		ensure!(now >= closes_at, Error::<T>::PollNotEnded);
		let tally = Tallies::<T>::get(poll_id).ok_or(Error::<T>::UnknownPoll)?;

		let eligible: VoteWeight = match info.electorate {
			Electorate::TokenWeighted => T::Currency::total_issuance().saturated_into(),
			Electorate::VoterRoll => VoteWeight::from(info.roll_size),
		};
		let decision = decide(
			&tally.totals[..],
			tally.turnout,
			eligible,
			info.quorum,
			info.threshold,
			info.has_call,
		);

		if !info.deposit.is_zero() {
			let reason = T::RuntimeHoldReason::from(HoldReason::PollDeposit);
			T::Currency::release(&reason, &info.proposer, info.deposit, Precision::BestEffort)?;
		}
		if !from_hook {
			Self::unschedule(closes_at, poll_id);
		}

		// A passed call is enacted now if its enactment block has come (no delay, or a late
		// close), otherwise by `on_initialize` of that block. A delayed enactment that will
		// not happen (the poll failed) or happens now gives up its reserved place.
		let enact_at = info.enact_at.filter(|_| decision.passed && info.has_call);
		let enact_now = enact_at.is_some_and(|at| now >= at);
		if let Some(reserved) = info.enact_at.filter(|at| *at > closes_at) {
			if enact_at.is_none() || enact_now {
				Self::unschedule_enactment(reserved, poll_id);
			}
		}
		let mut result = PollResult {
			totals: tally.totals,
			turnout: tally.turnout,
			eligible,
			winning_option: decision.winning_option,
			quorum_reached: decision.quorum_reached,
			approved: decision.approved,
			passed: decision.passed,
			enactment: None,
			enact_at,
			closed_at: now,
		};
		// The result is stored before the call runs, so that a call re-entering `close` or
		// `enact` for this poll finds it closed (`AlreadyClosed`) and enacted
		// (`AlreadyEnacted`: the marker until the outcome replaces it).
		if enact_now {
			result.enactment = Some(Err(Error::<T>::AlreadyEnacted.into()));
		}
		Results::<T>::insert(poll_id, result.clone());
		let used = if enact_now {
			let (outcome, used) = Self::dispatch_poll_call(&info, poll_id);
			result.enactment = Some(outcome);
			Results::<T>::insert(poll_id, result.clone());
			Self::deposit_event(Event::Enacted { poll_id, result: outcome });
			used
		} else {
			if let Some(at) = enact_at {
				Self::deposit_event(Event::EnactmentScheduled { poll_id, at });
			}
			Weight::zero()
		};
		Self::deposit_event(Event::PollClosed { poll_id, result });
		Ok(used)
	}

	/// Remove `poll_id` from the polls closing in block `closes_at`.
	fn unschedule(closes_at: BlockNumberFor<T>, poll_id: PollId) {
		PollsEndingAt::<T>::mutate_exists(closes_at, |maybe_ids| {
			let now_empty = match maybe_ids.as_mut() {
				Some(ids) => {
					ids.retain(|id| *id != poll_id);
					ids.is_empty()
				}
				None => false,
			};
			if now_empty {
				*maybe_ids = None;
			}
		});
	}

	/// Remove `poll_id` from the enactments due in block `at`.
	fn unschedule_enactment(at: BlockNumberFor<T>, poll_id: PollId) {
		EnactmentsDue::<T>::mutate_exists(at, |maybe_ids| {
			let now_empty = match maybe_ids.as_mut() {
				Some(ids) => {
					ids.retain(|id| *id != poll_id);
					ids.is_empty()
				}
				None => false,
			};
			if now_empty {
				*maybe_ids = None;
			}
		});
	}

	/// Enact the call of the passed poll `poll_id` once its enactment block has come, and
	/// return the weight it used. See [`Call::enact`].
	///
	/// `from_hook`: called by `on_initialize`, which has already taken the poll out of
	/// [`EnactmentsDue`].
	pub fn do_enact(poll_id: PollId, from_hook: bool) -> Result<Weight, DispatchError> {
		let info = Polls::<T>::get(poll_id).ok_or(Error::<T>::UnknownPoll)?;
		let mut result = Results::<T>::get(poll_id).ok_or(Error::<T>::PollNotEnded)?;
		let at = result.enact_at.filter(|_| result.passed).ok_or(Error::<T>::NotPassed)?;
		ensure!(result.enactment.is_none(), Error::<T>::AlreadyEnacted);
		ensure!(frame_system::Pallet::<T>::block_number() >= at, Error::<T>::EnactmentNotDue);
		if !from_hook {
			Self::unschedule_enactment(at, poll_id);
		}
		// Marked as enacted before the call runs, so that a call re-entering `enact` for this
		// poll is refused (`AlreadyEnacted`); the outcome replaces the marker.
		result.enactment = Some(Err(Error::<T>::AlreadyEnacted.into()));
		Results::<T>::insert(poll_id, result.clone());
		let (outcome, used) = Self::dispatch_poll_call(&info, poll_id);
		result.enactment = Some(outcome);
		Results::<T>::insert(poll_id, result);
		Self::deposit_event(Event::Enacted { poll_id, result: outcome });
		Ok(used)
	}

	/// Decode and dispatch the call of `poll_id` with its track's origin. Returns the outcome
	/// and the weight used (zero if nothing was dispatched).
	///
	/// The call is checked again against the track, which a runtime upgrade may have changed:
	/// a track that no longer exists or no longer allows the call is recorded as
	/// [`Error::UnknownTrack`] or [`Error::CallNotOnTrack`] and nothing is dispatched.
	fn dispatch_poll_call(info: &PollInfoOf<T>, poll_id: PollId) -> (DispatchResult, Weight) {
		let call = PollCalls::<T>::get(poll_id).and_then(|bytes| {
			<CallOf<T> as DecodeLimit>::decode_all_with_depth_limit(
				frame_support::MAX_EXTRINSIC_DEPTH,
				&mut &bytes[..],
			)
			.ok()
		});
		let Some(call) = call else {
			return (Err(Error::<T>::UndecodableCall.into()), Weight::zero());
		};
		let Some((track, origin)) =
			info.track.and_then(|track| T::Tracks::origin(track).map(|origin| (track, origin)))
		else {
			return (Err(Error::<T>::UnknownTrack.into()), Weight::zero());
		};
		if !T::Tracks::allows(track, &call) {
			return (Err(Error::<T>::CallNotOnTrack.into()), Weight::zero());
		}
		let dispatch_info = call.get_dispatch_info();
		if !dispatch_info.call_weight.all_lte(T::MaxEnactmentWeight::get()) {
			return (Err(Error::<T>::CallTooHeavy.into()), Weight::zero());
		}
		let outcome = call.dispatch(origin);
		let used = frame_support::dispatch::extract_actual_weight(&outcome, &dispatch_info);
		(outcome.map(|_| ()).map_err(|error| error.error.stripped()), used)
	}

	/// Remove the expired locks and ended cooldown of `who`. See [`Call::unlock`].
	pub fn do_unlock(who: T::AccountId) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let mut state = Voters::<T>::get(&who);
		let frozen_before = state.required_freeze();
		let before = state.locks.len();
		state.locks.retain(|lock| lock.until > now);
		let locks_expired = state.locks.len() < before;
		let cooldown_ended = state.cooldown.as_ref().is_some_and(|cooldown| cooldown.until <= now);
		ensure!(locks_expired || cooldown_ended, Error::<T>::NothingToUnlock);
		if cooldown_ended {
			state.cooldown = None;
		}
		let frozen = state.required_freeze();

		if frozen != frozen_before {
			Self::set_vote_freeze(&who, frozen)?;
		}
		Self::put_voter(&who, state);
		Self::deposit_event(Event::Unlocked { who, frozen });
		Ok(())
	}

	/// Add `voter` to the roll. See [`Call::add_voter`].
	pub fn do_add_voter(voter: T::AccountId) -> DispatchResult {
		ensure!(!VoterRoll::<T>::contains_key(&voter), Error::<T>::AlreadyOnRoll);
		let ticket = NextRollTicket::<T>::get();
		let next_ticket = ticket.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let count = VoterCount::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;

		VoterRoll::<T>::insert(&voter, ticket);
		NextRollTicket::<T>::put(next_ticket);
		VoterCount::<T>::put(count);
		Self::deposit_event(Event::VoterAdded { voter, ticket });
		Ok(())
	}

	/// Remove `voter` from the roll. See [`Call::remove_voter`].
	pub fn do_remove_voter(voter: T::AccountId) -> DispatchResult {
		ensure!(VoterRoll::<T>::contains_key(&voter), Error::<T>::NotOnRoll);
		let count = VoterCount::<T>::get().saturating_sub(1);

		VoterRoll::<T>::remove(&voter);
		VoterCount::<T>::put(count);
		Self::deposit_event(Event::VoterRemoved { voter });
		Ok(())
	}

	/// Delegate the power of `delegator` to `target`. See [`Call::delegate`].
	pub fn do_delegate(delegator: T::AccountId, target: T::AccountId) -> DispatchResult {
		// The two records read below are distinct accounts' (written back one after the other).
		ensure!(delegator != target, Error::<T>::SelfDelegation);
		let mut state = Voters::<T>::get(&delegator);
		ensure!(state.delegation.is_none(), Error::<T>::AlreadyDelegating);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			state.cooldown.as_ref().is_none_or(|cooldown| cooldown.until <= now),
			Error::<T>::Delegating
		);
		ensure!(!state.locks.iter().any(|lock| lock.until > now), Error::<T>::HasActiveVotes);
		let amount = Self::own_power(&delegator);
		ensure!(!amount.is_zero(), Error::<T>::NoVotingPower);
		let mut target_state = Voters::<T>::get(&target);
		target_state.delegated_power =
			target_state.delegated_power.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		let frozen_before = state.required_freeze();
		// An ended cooldown is dropped: the new delegation freezes at least as much.
		state.cooldown = None;
		state.delegation = Some(Delegation { target: target.clone(), amount });
		let frozen = state.required_freeze();

		if frozen != frozen_before {
			Self::set_vote_freeze(&delegator, frozen)?;
		}
		Voters::<T>::insert(&delegator, state);
		Voters::<T>::insert(&target, target_state);
		Self::deposit_event(Event::Delegated { delegator, target, amount });
		Ok(())
	}

	/// Withdraw the delegation of `delegator`. See [`Call::undelegate`].
	pub fn do_undelegate(delegator: T::AccountId) -> DispatchResult {
		let mut state = Voters::<T>::get(&delegator);
		let frozen_before = state.required_freeze();
		let delegation = state.delegation.take().ok_or(Error::<T>::NotDelegating)?;
		let now = frame_system::Pallet::<T>::block_number();
		// A delegation never names its delegator (`SelfDelegation`), so this is another
		// account's record.
		let mut target_state = Voters::<T>::get(&delegation.target);
		target_state.delegated_power =
			target_state.delegated_power.saturating_sub(delegation.amount);
		// The delegate's ballots in polls that have not closed may count the delegated power:
		// keep it frozen until the last of them closes.
		let locked_until =
			target_state.locks.iter().map(|lock| lock.until).filter(|until| *until > now).max();
		// A delegating account has no cooldown, so none is overwritten.
		state.cooldown =
			locked_until.map(|until| DelegationCooldown { amount: delegation.amount, until });
		let frozen = state.required_freeze();

		// With a cooldown the frozen amount is unchanged and the freeze is not touched.
		if frozen != frozen_before {
			Self::set_vote_freeze(&delegator, frozen)?;
		}
		Self::put_voter(&delegator, state);
		Self::put_voter(&delegation.target, target_state);
		Self::deposit_event(Event::Undelegated {
			delegator,
			target: delegation.target,
			amount: delegation.amount,
			locked_until,
		});
		Ok(())
	}

	/// The commitment of a secret ballot:
	/// `keccak_256(SCALE((poll_id, option, salt, voter)))`, see the crate docs.
	pub fn commitment_of(
		poll_id: PollId,
		option: OptionIndex,
		salt: &[u8; 32],
		voter: &T::AccountId,
	) -> [u8; 32] {
		(poll_id, option, salt, voter).using_encoded(sp_io::hashing::keccak_256)
	}

	/// The own part of the token voting power of `who`: its free balance less `FeeReserve`.
	pub fn own_power(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance(who).saturating_sub(T::FeeReserve::get())
	}

	/// The token voting power of `who` now: its own power plus the power delegated to it
	/// (zero while it delegates or its cooldown runs).
	pub fn voting_power(who: &T::AccountId) -> VoteWeight {
		let state = Voters::<T>::get(who);
		if state.is_delegating(frame_system::Pallet::<T>::block_number()) {
			return 0;
		}
		let own: VoteWeight = Self::own_power(who).saturated_into();
		own.saturating_add(state.delegated_power.saturated_into())
	}

	/// The status of poll `poll_id` now.
	pub fn poll_status(poll_id: PollId) -> Option<PollStatus> {
		let info = Polls::<T>::get(poll_id)?;
		let now = frame_system::Pallet::<T>::block_number();
		Some(info.status(now, Results::<T>::contains_key(poll_id)))
	}

	/// Poll `poll_id` with its texts, call and status. Backs the runtime API's `poll`.
	pub fn poll_details(poll_id: PollId) -> Option<PollDetailsOf<T>> {
		let info = Polls::<T>::get(poll_id)?;
		let text = PollTexts::<T>::get(poll_id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let status = info.status(now, Results::<T>::contains_key(poll_id));
		Some(PollDetails {
			id: poll_id,
			info,
			title: text.title.into_inner(),
			options: text.options.into_iter().map(|label| label.into_inner()).collect(),
			call: PollCalls::<T>::get(poll_id).map(|call| call.into_inner()),
			status,
		})
	}

	/// The running (or, once closed, final) tally of poll `poll_id`; for secret polls only
	/// revealed ballots are in the totals. Backs the runtime API's `tally`.
	pub fn tally_of(poll_id: PollId) -> Option<Tally<Vec<VoteWeight>>> {
		Tallies::<T>::get(poll_id).map(|tally| Tally {
			totals: tally.totals.into_inner(),
			turnout: tally.turnout,
			ballots: tally.ballots,
			revealed: tally.revealed,
		})
	}

	/// The result of poll `poll_id`, once closed. Backs the runtime API's `result`.
	pub fn result_of(poll_id: PollId) -> Option<PollResult<BlockNumberFor<T>, Vec<VoteWeight>>> {
		Results::<T>::get(poll_id).map(|result| PollResult {
			totals: result.totals.into_inner(),
			turnout: result.turnout,
			eligible: result.eligible,
			winning_option: result.winning_option,
			quorum_reached: result.quorum_reached,
			approved: result.approved,
			passed: result.passed,
			enactment: result.enactment,
			enact_at: result.enact_at,
			closed_at: result.closed_at,
		})
	}

	/// The ballot of `who` in poll `poll_id`. Backs the runtime API's `ballot`.
	pub fn ballot_of(poll_id: PollId, who: &T::AccountId) -> Option<Ballot> {
		Ballots::<T>::get(poll_id, who)
	}

	/// Fail unless `now` is in the voting period of poll `poll_id`.
	fn ensure_voting_open(
		poll_id: PollId,
		info: &PollInfoOf<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(now >= info.schedule.start, Error::<T>::NotStarted);
		if now >= info.schedule.end {
			let error = if Results::<T>::contains_key(poll_id) {
				Error::<T>::AlreadyClosed
			} else {
				Error::<T>::VotingClosed
			};
			return Err(error.into());
		}
		Ok(())
	}

	/// Check that `track` is a track of [`Config::Tracks`] and `info` valid bars for it. See
	/// [`Call::set_track`].
	pub fn ensure_valid_track(track: TrackId, info: &TrackInfoOf<T>) -> DispatchResult {
		ensure!(T::Tracks::exists(track), Error::<T>::UnknownTrack);
		ensure!(
			info.min_voting_period >= T::MinVotingPeriod::get()
				&& info.min_voting_period <= T::MaxVotingPeriod::get()
				&& info.enactment_delay <= T::MaxVotingPeriod::get()
				&& info.decision_deposit >= T::PollDeposit::get(),
			Error::<T>::InvalidTrack
		);
		Ok(())
	}

	/// The governance tracks: id, name and bars (`None` if a track has none stored).
	pub fn tracks() -> Vec<(TrackId, &'static str, Option<TrackInfoOf<T>>)> {
		T::Tracks::tracks().into_iter().map(|(id, name)| (id, name, Tracks::<T>::get(id))).collect()
	}

	/// Check a new poll's schedule against the current block `now`.
	fn ensure_valid_schedule(
		schedule: &Schedule<BlockNumberFor<T>>,
		ballot_mode: BallotMode,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let min = T::MinVotingPeriod::get();
		let max = T::MaxVotingPeriod::get();
		let period_ok = |from: BlockNumberFor<T>, to: BlockNumberFor<T>| {
			to.checked_sub(&from).is_some_and(|length| length >= min && length <= max)
		};
		ensure!(schedule.start >= now, Error::<T>::InvalidSchedule);
		ensure!(schedule.start.saturating_sub(now) <= max, Error::<T>::InvalidSchedule);
		ensure!(period_ok(schedule.start, schedule.end), Error::<T>::InvalidSchedule);
		match (ballot_mode, schedule.reveal_end) {
			(BallotMode::Public, None) => Ok(()),
			(BallotMode::Secret, Some(reveal_end)) => {
				ensure!(period_ok(schedule.end, reveal_end), Error::<T>::InvalidSchedule);
				Ok(())
			}
			_ => Err(Error::<T>::InvalidSchedule.into()),
		}
	}

	/// The weight of a ballot of `voter` in roll poll `info`: 1 if it was on the roll when the
	/// poll was created (and still is).
	fn roll_weight(
		voter: &T::AccountId,
		info: &PollInfoOf<T>,
	) -> Result<VoteWeight, DispatchError> {
		let ticket = VoterRoll::<T>::get(voter).ok_or(Error::<T>::NotOnRoll)?;
		ensure!(ticket < info.roll_cutoff, Error::<T>::NotOnRoll);
		Ok(1)
	}

	/// The weight of a token-weighted ballot of `voter`, whose record is `state`, at `now`, and
	/// the own balance it locks. Fails while `voter` delegates or its cooldown runs, or without
	/// voting power.
	fn token_weight(
		voter: &T::AccountId,
		state: &VoterStateOf<T>,
		now: BlockNumberFor<T>,
	) -> Result<(VoteWeight, BalanceOf<T>), DispatchError> {
		ensure!(!state.is_delegating(now), Error::<T>::Delegating);
		let own = Self::own_power(voter);
		let own_weight: VoteWeight = own.saturated_into();
		let weight = own_weight.saturating_add(state.delegated_power.saturated_into());
		ensure!(weight > 0, Error::<T>::NoVotingPower);
		Ok((weight, own))
	}

	/// Record in `state` that `amount` is locked for `poll_id` (closing at `until`), replacing
	/// an earlier lock for the poll. Returns the new freeze if it differs from the one `state`
	/// required before (which the account has frozen, see `do_try_state`), `None` if the
	/// freeze stays as it is.
	fn lock(
		state: &mut VoterStateOf<T>,
		poll_id: PollId,
		amount: BalanceOf<T>,
		until: BlockNumberFor<T>,
	) -> Result<Option<BalanceOf<T>>, DispatchError> {
		let frozen = state.required_freeze();
		match state.locks.iter_mut().find(|lock| lock.poll_id == poll_id) {
			Some(lock) => lock.amount = amount,
			None => state
				.locks
				.try_push(PollLock { poll_id, amount, until })
				.map_err(|_| Error::<T>::TooManyPolls)?,
		}
		let required = state.required_freeze();
		Ok((required != frozen).then_some(required))
	}

	/// Store the record of `who`, or remove it if it is empty.
	fn put_voter(who: &T::AccountId, state: VoterStateOf<T>) {
		if state.is_empty() {
			Voters::<T>::remove(who);
		} else {
			Voters::<T>::insert(who, state);
		}
	}

	/// Set the freeze of `who` to `amount` (zero thaws it).
	fn set_vote_freeze(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		let id = T::RuntimeFreezeReason::from(FreezeReason::PollVote);
		T::Currency::set_freeze(&id, who, amount)
	}

	/// Check the pallet's invariants:
	///
	/// - every poll id is below [`NextPollId`]; every poll has texts and a tally, a call
	///   exactly if `has_call`, `2..=MaxOptions` options (as many labels and totals), a schedule
	///   matching its ballot mode, and a roll cutoff not above [`NextRollTicket`];
	/// - every tally equals the one recomputed from the poll's ballots (per-option totals of
	///   public or revealed ballots, turnout, ballot and reveal counts), within
	///   `MaxVotersPerPoll`; roll ballots weigh 1; results exist only for polls, from their
	///   closing block on, and agree with the tally;
	/// - [`PollsEndingAt`] lists exactly the open polls, each once, under its closing block,
	///   and no empty list;
	/// - each proposer's held deposit equals the deposits of its open polls;
	/// - [`VoterCount`] is the size of the roll; tickets are below [`NextRollTicket`];
	/// - [`Voters`] records are never stored empty; their locks refer to token-weighted polls
	///   the account has a ballot in, once each, with the poll's closing block; voters of open
	///   token-weighted polls before their closing block hold a lock for them (so a token
	///   ballot exists in an open poll exactly when the lock does, which `vote` and `commit`
	///   rely on);
	/// - each record's `delegated_power` is the sum of the delegations naming the account
	///   (records of other accounts); no account delegates to itself, delegates nothing, or
	///   delegates during a cooldown;
	/// - each recorded account's frozen balance equals [`VoterState::required_freeze`]: the
	///   maximum of its locks, delegation and cooldown (ballots, `unlock` and delegation
	///   compare against it to skip unchanged freezes).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};

		let now = frame_system::Pallet::<T>::block_number();
		let next_poll_id = NextPollId::<T>::get();
		let next_ticket = NextRollTicket::<T>::get();
		let mut open: BTreeMap<PollId, BlockNumberFor<T>> = BTreeMap::new();
		let mut expected_holds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut poll_count: usize = 0;
		// Polls whose delayed enactment must be listed in `EnactmentsDue`, with its block.
		let mut pending_enactments: BTreeMap<PollId, BlockNumberFor<T>> = BTreeMap::new();

		for (track, _) in Tracks::<T>::iter() {
			ensure!(T::Tracks::exists(track), "bars are stored for an unknown track");
		}

		for (poll_id, info) in Polls::<T>::iter() {
			poll_count = poll_count.saturating_add(1);
			ensure!(poll_id < next_poll_id, "a poll id is not below NextPollId");
			let text = PollTexts::<T>::get(poll_id).ok_or("a poll has no texts")?;
			let tally = Tallies::<T>::get(poll_id).ok_or("a poll has no tally")?;
			let count = info.option_count as usize;
			ensure!(
				info.option_count >= 2 && info.option_count <= T::MaxOptions::get(),
				"a poll has an invalid number of options"
			);
			ensure!(
				text.options.len() == count && tally.totals.len() == count,
				"a poll's labels or totals differ from its option count"
			);
			ensure!(
				PollCalls::<T>::contains_key(poll_id) == info.has_call,
				"a poll's call differs from has_call"
			);
			ensure!(info.schedule.start < info.schedule.end, "a poll ends before it starts");
			match (info.ballot_mode, info.schedule.reveal_end) {
				(BallotMode::Public, None) => {}
				(BallotMode::Secret, Some(reveal_end)) => {
					ensure!(info.schedule.end < reveal_end, "a reveal period ends too early")
				}
				_ => return Err("a poll's schedule does not match its ballot mode".into()),
			}
			ensure!(info.roll_cutoff <= next_ticket, "a roll cutoff is above NextRollTicket");
			ensure!(
				info.track.is_some() == info.has_call && info.enact_at.is_some() == info.has_call,
				"a poll's track or enactment block differs from has_call"
			);

			let closes_at = info.schedule.closes_at();
			ensure!(
				info.enact_at.is_none_or(|at| at >= closes_at),
				"a poll is enacted before it closes"
			);
			let delayed = info.enact_at.filter(|at| *at > closes_at);
			let closed = Results::<T>::contains_key(poll_id);
			let mut totals = alloc::vec![0u128; count];
			let mut ballots: u32 = 0;
			let mut revealed: u32 = 0;
			for (voter, ballot) in Ballots::<T>::iter_prefix(poll_id) {
				ballots = ballots.saturating_add(1);
				let counted = match (info.ballot_mode, ballot.vote) {
					(BallotMode::Public, Vote::Public { option }) => Some(option),
					(BallotMode::Secret, Vote::Secret { revealed: option, .. }) => {
						if option.is_some() {
							revealed = revealed.saturating_add(1);
						}
						option
					}
					_ => return Err("a ballot does not match its poll's ballot mode".into()),
				};
				if let Some(option) = counted {
					let total = totals
						.get_mut(option as usize)
						.ok_or("a ballot counts an unknown option")?;
					*total = total.saturating_add(ballot.weight);
				}
				match info.electorate {
					Electorate::VoterRoll => {
						ensure!(ballot.weight == 1, "a roll ballot does not weigh 1")
					}
					Electorate::TokenWeighted => {
						if !closed && now < closes_at {
							ensure!(
								Voters::<T>::get(&voter).lock_of(poll_id).is_some(),
								"a voter of an open token-weighted poll holds no lock for it"
							);
						}
					}
				}
			}
			let turnout = totals.iter().fold(0u128, |sum, total| sum.saturating_add(*total));
			ensure!(tally.totals[..] == totals[..], "a tally differs from its ballots");
			ensure!(tally.turnout == turnout, "a turnout differs from its ballots");
			ensure!(
				tally.ballots == ballots && tally.revealed == revealed,
				"a tally's ballot counts differ from its ballots"
			);
			ensure!(ballots <= T::MaxVotersPerPoll::get(), "a poll has too many ballots");

			let held = expected_holds.entry(info.proposer.clone()).or_insert_with(Zero::zero);
			match Results::<T>::get(poll_id) {
				Some(result) => {
					ensure!(result.closed_at >= closes_at, "a poll was closed too early");
					ensure!(
						result.totals[..] == tally.totals[..] && result.turnout == tally.turnout,
						"a result differs from its tally"
					);
					ensure!(
						result.enact_at == info.enact_at.filter(|_| result.passed),
						"a result's enactment block differs from its poll's"
					);
					ensure!(
						result.enactment.is_none() || result.enact_at.is_some(),
						"a call was enacted for a poll that did not pass"
					);
					if let Some(at) = result.enact_at {
						if result.enactment.is_none() {
							ensure!(at > now, "a due enactment was not run");
							if let Some(at) = delayed {
								pending_enactments.insert(poll_id, at);
							}
						}
					}
				}
				None => {
					open.insert(poll_id, closes_at);
					*held = held.saturating_add(info.deposit);
					if let Some(at) = delayed {
						pending_enactments.insert(poll_id, at);
					}
				}
			}
		}
		ensure!(
			PollTexts::<T>::iter_keys().count() == poll_count
				&& Tallies::<T>::iter_keys().count() == poll_count,
			"texts or tallies exist without a poll"
		);
		for poll_id in PollCalls::<T>::iter_keys().chain(Results::<T>::iter_keys()) {
			ensure!(Polls::<T>::contains_key(poll_id), "a call or result has no poll");
		}

		let mut scheduled: BTreeSet<PollId> = BTreeSet::new();
		for (block, ids) in PollsEndingAt::<T>::iter() {
			ensure!(!ids.is_empty(), "an empty PollsEndingAt list is stored");
			for poll_id in ids.iter() {
				ensure!(scheduled.insert(*poll_id), "a poll is scheduled to close twice");
				ensure!(
					open.get(poll_id) == Some(&block),
					"PollsEndingAt lists a poll that is closed or closes in another block"
				);
			}
		}
		ensure!(scheduled.len() == open.len(), "an open poll is not scheduled to close");

		let mut listed: BTreeMap<PollId, BlockNumberFor<T>> = BTreeMap::new();
		for (block, ids) in EnactmentsDue::<T>::iter() {
			ensure!(!ids.is_empty(), "an empty EnactmentsDue list is stored");
			for poll_id in ids.iter() {
				ensure!(
					listed.insert(*poll_id, block).is_none(),
					"a poll's enactment is listed twice"
				);
			}
		}
		ensure!(
			listed == pending_enactments,
			"EnactmentsDue differs from the pending delayed enactments"
		);

		let reason = T::RuntimeHoldReason::from(HoldReason::PollDeposit);
		for (proposer, expected) in expected_holds {
			let held = <T::Currency as fungible::InspectHold<T::AccountId>>::balance_on_hold(
				&reason, &proposer,
			);
			ensure!(held == expected, "a held deposit differs from the open polls' deposits");
		}

		let mut roll: u32 = 0;
		for (_, ticket) in VoterRoll::<T>::iter() {
			roll = roll.saturating_add(1);
			ensure!(ticket < next_ticket, "a roll ticket is not below NextRollTicket");
		}
		ensure!(roll == VoterCount::<T>::get(), "VoterCount differs from the roll size");

		let freeze = T::RuntimeFreezeReason::from(FreezeReason::PollVote);
		let mut delegated: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut powers: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (who, state) in Voters::<T>::iter() {
			ensure!(!state.is_empty(), "an empty voter record is stored");
			let mut polls: BTreeSet<PollId> = BTreeSet::new();
			for lock in state.locks.iter() {
				ensure!(polls.insert(lock.poll_id), "a poll is locked twice for one account");
				let info = Polls::<T>::get(lock.poll_id).ok_or("a lock refers to no poll")?;
				ensure!(
					info.electorate == Electorate::TokenWeighted,
					"a lock refers to a roll poll"
				);
				ensure!(
					lock.until == info.schedule.closes_at(),
					"a lock's end differs from its poll's closing block"
				);
				ensure!(
					Ballots::<T>::contains_key(lock.poll_id, &who),
					"a lock refers to a poll without the account's ballot"
				);
			}
			if let Some(delegation) = &state.delegation {
				ensure!(who != delegation.target, "an account delegates to itself");
				ensure!(!delegation.amount.is_zero(), "an account delegates nothing");
				ensure!(state.cooldown.is_none(), "a delegating account has a cooldown");
				let sum = delegated.entry(delegation.target.clone()).or_insert_with(Zero::zero);
				*sum = sum.saturating_add(delegation.amount);
			}
			if !state.delegated_power.is_zero() {
				powers.insert(who.clone(), state.delegated_power);
			}
			let frozen = <T::Currency as fungible::InspectFreeze<T::AccountId>>::balance_frozen(
				&freeze, &who,
			);
			ensure!(
				frozen == state.required_freeze(),
				"a frozen balance differs from the locks, delegation and cooldown"
			);
		}
		ensure!(delegated == powers, "a delegated power differs from the delegations to it");
		Ok(())
	}
}
