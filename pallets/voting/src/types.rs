//! Types of the voting pallet: polls, schedules, ballots, tallies, results and locks, and the
//! pure arithmetic that decides a poll.
//!
//! Everything here that the runtime API returns ([`PollDetails`], [`PollInfo`], [`Schedule`],
//! [`Electorate`], [`BallotMode`], [`PollStatus`], [`Tally`], [`PollResult`], [`Ballot`],
//! [`Vote`]) also derives `serde` traits under `std`, so the node can hand it out over JSON-RPC
//! unchanged.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{traits::Zero, ArithmeticError, DispatchResult, Perbill};

/// Identifier of a poll: a global counter, starting at 0.
pub type PollId = u32;

/// Identifier of a governance track (see [`TrackInfo`] and [`TrackOrigins`]).
pub type TrackId = u16;

/// Index of an option of a poll, `0..option_count`.
pub type OptionIndex = u32;

/// Voting weight: `1` per ballot in roll polls, the voter's power in token-weighted polls.
///
/// Token balances are converted with saturation into `u128`, so tallies are independent of the
/// runtime's `Balance` type.
pub type VoteWeight = u128;

/// Position of an account in the voter roll: the value of `NextRollTicket` when it was
/// (last) added. A poll on the roll admits the voters whose ticket is below the poll's
/// [`PollInfo::roll_cutoff`], i.e. who were on the roll when the poll was created.
pub type RollTicket = u32;

/// The option that approves a poll's attached call ("aye"): a poll that carries a call passes
/// only if this option wins.
pub const APPROVE_OPTION: OptionIndex = 0;

/// The label of option 0 of a poll that carries a call.
pub const AYE: &[u8] = b"aye";

/// The label of option 1 of a poll that carries a call.
pub const NAY: &[u8] = b"nay";

/// Who may vote in a poll, and with what weight.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
// Serde in every build (not only `std`): it is part of the genesis configuration of tracks.
#[derive(serde::Serialize, serde::Deserialize)]
pub enum Electorate {
	/// Any account, weighted by its free balance (less `FeeReserve`) plus the power delegated
	/// to it, frozen until the poll closes.
	#[codec(index = 0)]
	TokenWeighted,
	/// One account, one vote, over the voter roll kept by `RosterOrigin`. Nothing is frozen.
	#[codec(index = 1)]
	VoterRoll,
}

/// Whether ballots are visible when cast.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum BallotMode {
	/// Votes are visible and may be changed until the voting period ends.
	#[codec(index = 0)]
	Public,
	/// Voters commit a hash during the voting period and reveal it during the reveal period;
	/// only revealed ballots count.
	#[codec(index = 1)]
	Secret,
}

/// When a poll runs, in blocks. All periods are half-open:
///
/// - voting (vote or commit): `start <= now < end`;
/// - revealing (secret polls only): `end <= now < reveal_end`;
/// - the poll closes in block [`Schedule::closes_at`] (`end` for public polls, `reveal_end` for
///   secret ones), before that block's transactions.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Schedule<BlockNumber> {
	/// First block in which votes (or commitments) are accepted.
	pub start: BlockNumber,
	/// First block in which they no longer are.
	pub end: BlockNumber,
	/// First block after the reveal period: `Some` exactly for secret polls.
	pub reveal_end: Option<BlockNumber>,
}

impl<BlockNumber: Copy> Schedule<BlockNumber> {
	/// The block in which the poll closes: `reveal_end` for secret polls, `end` otherwise.
	pub fn closes_at(&self) -> BlockNumber {
		self.reveal_end.unwrap_or(self.end)
	}
}

/// Where a poll is in its life, at some block.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum PollStatus {
	/// Created; voting has not started.
	#[codec(index = 0)]
	Pending,
	/// Votes or commitments are accepted.
	#[codec(index = 1)]
	Voting,
	/// Secret polls: commitments are revealed.
	#[codec(index = 2)]
	Revealing,
	/// Its periods are over but it has not been closed yet. The `on_initialize` hook closes
	/// polls in their closing block, so this is only seen if that did not happen; anyone can
	/// then call `close`.
	#[codec(index = 3)]
	Ended,
	/// Closed: the result is stored.
	#[codec(index = 4)]
	Closed,
}

/// The fixed part of a poll, read by every ballot. Labels and the call live in separate
/// storage items so that voting does not read them.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct PollInfo<AccountId, Balance, BlockNumber> {
	/// The account that created the poll and holds its deposit until it closes.
	pub proposer: AccountId,
	/// The deposit held from the proposer.
	pub deposit: Balance,
	/// Block in which the poll was created.
	pub created_at: BlockNumber,
	/// Digest of the off-chain description (e.g. its keccak-256 or blake2-256 hash).
	pub description: [u8; 32],
	/// Number of options, `2..=MaxOptions`.
	pub option_count: u32,
	/// Who votes, and with what weight.
	pub electorate: Electorate,
	/// Public or secret ballots.
	pub ballot_mode: BallotMode,
	/// Voting (and reveal) periods.
	pub schedule: Schedule<BlockNumber>,
	/// Minimum turnout, as a share of the eligible weight.
	pub quorum: Perbill,
	/// Minimum share of the turnout the winning option needs.
	pub threshold: Perbill,
	/// Roll polls: voters whose roll ticket is below this value may vote (those on the roll
	/// when the poll was created). Zero for token-weighted polls.
	pub roll_cutoff: RollTicket,
	/// Roll polls: the size of the roll when the poll was created (the eligible weight). Zero
	/// for token-weighted polls.
	pub roll_size: u32,
	/// Whether the poll carries a call, enacted with its track's origin if it passes.
	pub has_call: bool,
	/// The track of a poll that carries a call (`None` for opinion polls).
	pub track: Option<TrackId>,
	/// Polls with a call: the block from which the call is enacted if the poll passes (its
	/// closing block plus the track's enactment delay).
	pub enact_at: Option<BlockNumber>,
}

impl<AccountId, Balance, BlockNumber: PartialOrd + Copy> PollInfo<AccountId, Balance, BlockNumber> {
	/// The status at block `now`, given whether the poll was `closed`.
	pub fn status(&self, now: BlockNumber, closed: bool) -> PollStatus {
		if closed {
			PollStatus::Closed
		} else if now < self.schedule.start {
			PollStatus::Pending
		} else if now < self.schedule.end {
			PollStatus::Voting
		} else if self.schedule.reveal_end.is_some_and(|reveal_end| now < reveal_end) {
			PollStatus::Revealing
		} else {
			PollStatus::Ended
		}
	}
}

/// The texts of a poll: its title and the labels of its options.
///
/// `Title` and `Options` are bounded vectors in storage and plain vectors in the runtime API
/// (both encode the same way).
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct PollText<Title, Options> {
	/// The title, UTF-8 by convention.
	pub title: Title,
	/// The option labels, UTF-8 by convention, in option order.
	pub options: Options,
}

/// The running tally of a poll, kept up to date by every ballot so that closing never
/// iterates voters.
///
/// `Totals` is a `BoundedVec<VoteWeight, MaxOptions>` in storage and a `Vec` in the runtime
/// API. Invariant: `totals` has one entry per option and `turnout` is their sum.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Tally<Totals> {
	/// Weight per option: public votes, or revealed secret votes.
	pub totals: Totals,
	/// Sum of `totals`: the weight of the counted ballots.
	pub turnout: VoteWeight,
	/// Number of ballots cast: public votes, or secret commitments (revealed or not).
	pub ballots: u32,
	/// Secret polls: number of revealed commitments. Zero for public polls.
	pub revealed: u32,
}

impl<Totals: AsRef<[VoteWeight]> + AsMut<[VoteWeight]>> Tally<Totals> {
	/// Count `weight` for `option`. Fails without change on an unknown option or overflow.
	pub fn add(&mut self, option: OptionIndex, weight: VoteWeight) -> Result<(), ArithmeticError> {
		let index = usize::try_from(option).map_err(|_| ArithmeticError::Overflow)?;
		let turnout = self.turnout.checked_add(weight).ok_or(ArithmeticError::Overflow)?;
		let total = self.totals.as_mut().get_mut(index).ok_or(ArithmeticError::Overflow)?;
		*total = total.checked_add(weight).ok_or(ArithmeticError::Overflow)?;
		self.turnout = turnout;
		Ok(())
	}

	/// Stop counting `weight` for `option`. Fails without change on an unknown option or
	/// underflow.
	pub fn remove(
		&mut self,
		option: OptionIndex,
		weight: VoteWeight,
	) -> Result<(), ArithmeticError> {
		let index = usize::try_from(option).map_err(|_| ArithmeticError::Underflow)?;
		let turnout = self.turnout.checked_sub(weight).ok_or(ArithmeticError::Underflow)?;
		let total = self.totals.as_mut().get_mut(index).ok_or(ArithmeticError::Underflow)?;
		*total = total.checked_sub(weight).ok_or(ArithmeticError::Underflow)?;
		self.turnout = turnout;
		Ok(())
	}
}

/// What a ballot says.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum Vote {
	/// A public vote for `option`.
	#[codec(index = 0)]
	Public {
		/// The chosen option.
		option: OptionIndex,
	},
	/// A secret ballot: the commitment, and the option once revealed.
	#[codec(index = 1)]
	Secret {
		/// `keccak_256(SCALE((poll_id, option, salt, voter)))`, see `Pallet::commitment_of`.
		commitment: [u8; 32],
		/// The revealed option, `None` until revealed.
		revealed: Option<OptionIndex>,
	},
}

/// A voter's ballot in a poll.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub struct Ballot {
	/// The vote or commitment.
	pub vote: Vote,
	/// Its weight: `1` in roll polls; in token-weighted polls the voter's power when it voted
	/// (public, last change) or committed (secret).
	pub weight: VoteWeight,
}

/// The final result of a poll, stored when it closes.
///
/// `Totals` is a `BoundedVec<VoteWeight, MaxOptions>` in storage and a `Vec` in the runtime
/// API.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct PollResult<BlockNumber, Totals> {
	/// Final weight per option (secret polls: revealed ballots only).
	pub totals: Totals,
	/// Sum of `totals`.
	pub turnout: VoteWeight,
	/// The weight the quorum is measured against: the roll size at creation (roll polls) or
	/// the total issuance at close (token-weighted polls).
	pub eligible: VoteWeight,
	/// The option with strictly the most weight; `None` on a tie for the most or without any
	/// counted weight.
	pub winning_option: Option<OptionIndex>,
	/// `turnout >= quorum * eligible`.
	pub quorum_reached: bool,
	/// There is a winning option, `totals[winner] >= threshold * turnout`, and, for polls
	/// with a call, the winner is [`APPROVE_OPTION`].
	pub approved: bool,
	/// `quorum_reached && approved`.
	pub passed: bool,
	/// Outcome of the attached call: `None` if the poll has no call, did not pass, or its
	/// enactment is still due (see `enact_at`).
	pub enactment: Option<DispatchResult>,
	/// Passed polls with a call: the block from which the call is enacted (the closing block
	/// plus the track's enactment delay). Until then the passed call is public and pending.
	pub enact_at: Option<BlockNumber>,
	/// Block in which the poll was closed.
	pub closed_at: BlockNumber,
}

/// The bar a governance track sets for the polls on it: runtime configuration, stored in
/// [`crate::Tracks`], set at genesis and changed only by `Config::TrackAdminOrigin` (the
/// highest track). A proposer cannot go below any of it: `create_poll` refuses such a poll with
/// a named error.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
// Serde in every build (not only `std`): it is part of the genesis configuration.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackInfo<Balance, BlockNumber> {
	/// The electorate that decides the track's polls.
	pub electorate: Electorate,
	/// Lowest quorum a poll may set: minimum turnout as a share of the eligible weight.
	pub min_turnout: Perbill,
	/// Lowest approval threshold a poll may set: minimum share of the turnout for "aye".
	pub min_approval: Perbill,
	/// Deposit held from the proposer until the poll closes (at least `PollDeposit`).
	pub decision_deposit: Balance,
	/// Shortest voting period, in blocks (at least `MinVotingPeriod`).
	pub min_voting_period: BlockNumber,
	/// Blocks between the close of a passed poll and the enactment of its call, during which
	/// the passed call is public.
	pub enactment_delay: BlockNumber,
}

/// The tracks a runtime defines in code: their ids and names, the origin each dispatches
/// with, and the calls each may carry. Their bars ([`TrackInfo`]) are stored.
pub trait TrackOrigins<Call, Origin> {
	/// Every track, as `(id, name)`, in order.
	fn tracks() -> Vec<(TrackId, &'static str)>;

	/// The origin a passed poll on `track` dispatches its call with.
	fn origin(track: TrackId) -> Option<Origin>;

	/// Whether a poll on `track` may carry `call`. Checked at creation and again at
	/// enactment.
	fn allows(track: TrackId, call: &Call) -> bool;

	/// Whether `track` exists.
	fn exists(track: TrackId) -> bool {
		Self::tracks().iter().any(|(id, _)| *id == track)
	}
}

/// How a tally decides a poll (without the enactment).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Decision {
	/// See [`PollResult::winning_option`].
	pub winning_option: Option<OptionIndex>,
	/// See [`PollResult::quorum_reached`].
	pub quorum_reached: bool,
	/// See [`PollResult::approved`].
	pub approved: bool,
	/// See [`PollResult::passed`].
	pub passed: bool,
}

/// The option with strictly the most weight, or `None` if several share the most or nothing
/// was counted. Ties are never broken: a tied poll has no winner and is not approved.
pub fn winning_option(totals: &[VoteWeight]) -> Option<OptionIndex> {
	let mut best: Option<(usize, VoteWeight)> = None;
	let mut tied = false;
	for (index, &weight) in totals.iter().enumerate() {
		match best {
			Some((_, most)) if weight < most => {}
			Some((_, most)) if weight == most => tied = true,
			_ => {
				best = Some((index, weight));
				tied = false;
			}
		}
	}
	match best {
		Some((index, weight)) if !tied && weight > 0 => OptionIndex::try_from(index).ok(),
		_ => None,
	}
}

/// Decide a poll from its final tally:
///
/// ```text
/// quorum_reached = turnout >= ceil(quorum * eligible)
/// approved       = winner exists
///                  && totals[winner] >= ceil(threshold * turnout)
///                  && (!has_call || winner == APPROVE_OPTION)
/// passed         = quorum_reached && approved
/// ```
///
/// Comparing integers with the rounded-up product is exact: `t >= q * e` holds for a whole
/// `t` exactly when `t >= ceil(q * e)`. A winner implies a non-zero turnout.
pub fn decide(
	totals: &[VoteWeight],
	turnout: VoteWeight,
	eligible: VoteWeight,
	quorum: Perbill,
	threshold: Perbill,
	has_call: bool,
) -> Decision {
	let winning_option = winning_option(totals);
	let quorum_reached = turnout >= quorum.mul_ceil(eligible);
	let approved = winning_option.is_some_and(|winner| {
		let votes = usize::try_from(winner).ok().and_then(|i| totals.get(i)).copied();
		votes.is_some_and(|votes| votes >= threshold.mul_ceil(turnout))
			&& (!has_call || winner == APPROVE_OPTION)
	});
	Decision { winning_option, quorum_reached, approved, passed: quorum_reached && approved }
}

/// Balance frozen by a voter for one token-weighted poll.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct PollLock<Balance, BlockNumber> {
	/// The poll.
	pub poll_id: PollId,
	/// The voter's own balance counted in its ballot (its free balance less `FeeReserve` when
	/// it voted); may be zero if only delegated power was counted.
	pub amount: Balance,
	/// The poll's closing block: from this block on the lock can be removed by `unlock`.
	pub until: BlockNumber,
}

/// A delegation of token voting power.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Delegation<AccountId, Balance> {
	/// The account that votes with the power.
	pub target: AccountId,
	/// The delegated (and frozen) amount: the delegator's free balance less `FeeReserve` when
	/// it delegated.
	pub amount: Balance,
}

/// A freeze kept after `undelegate` until the polls in which the former delegate may have
/// used the power close.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct DelegationCooldown<Balance, BlockNumber> {
	/// The formerly delegated amount, still frozen.
	pub amount: Balance,
	/// The last closing block of those polls: from this block on the account may vote or
	/// delegate again, and `unlock` releases the amount.
	pub until: BlockNumber,
}

/// Everything the pallet keeps about one account's token voting, in a single storage value so
/// that a token-weighted ballot reads and writes it once (instead of one item per field).
///
/// `Locks` is a `BoundedVec<PollLock<Balance, BlockNumber>, MaxPollsPerVoter>` in storage.
/// Invariants (checked by `try_state`): never stored empty (see [`VoterState::is_empty`]);
/// at most one lock per poll; `delegation` and `cooldown` are never both set;
/// `delegated_power` is the sum of the delegations that name this account; the account's
/// `PollVote` freeze is [`VoterState::required_freeze`].
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct VoterState<AccountId, Balance, BlockNumber, Locks> {
	/// One lock per token-weighted poll the account has a ballot in, until `unlock` removes
	/// it (from the poll's closing block on).
	pub locks: Locks,
	/// The account's delegation, if it delegates its power.
	pub delegation: Option<Delegation<AccountId, Balance>>,
	/// The freeze kept after `undelegate`, until `unlock` removes it once it has ended.
	pub cooldown: Option<DelegationCooldown<Balance, BlockNumber>>,
	/// The sum delegated *to* this account by others: added to its voting power.
	pub delegated_power: Balance,
}

impl<AccountId, Balance: Zero, BlockNumber, Locks: Default> Default
	for VoterState<AccountId, Balance, BlockNumber, Locks>
{
	fn default() -> Self {
		Self {
			locks: Locks::default(),
			delegation: None,
			cooldown: None,
			delegated_power: Zero::zero(),
		}
	}
}

impl<AccountId, Balance, BlockNumber, Locks> VoterState<AccountId, Balance, BlockNumber, Locks>
where
	Balance: Copy + Ord + Zero,
	BlockNumber: Copy + PartialOrd,
	Locks: AsRef<[PollLock<Balance, BlockNumber>]>,
{
	/// Whether nothing is recorded: no lock, delegation, cooldown or delegated power. Such a
	/// record is removed rather than stored.
	pub fn is_empty(&self) -> bool {
		self.locks.as_ref().is_empty()
			&& self.delegation.is_none()
			&& self.cooldown.is_none()
			&& self.delegated_power.is_zero()
	}

	/// The lock for `poll_id`, if any.
	pub fn lock_of(&self, poll_id: PollId) -> Option<&PollLock<Balance, BlockNumber>> {
		self.locks.as_ref().iter().find(|lock| lock.poll_id == poll_id)
	}

	/// Whether the account delegates, or its undelegation cooldown runs, at `now`: it then
	/// cannot vote in token-weighted polls or delegate.
	pub fn is_delegating(&self, now: BlockNumber) -> bool {
		self.delegation.is_some()
			|| self.cooldown.as_ref().is_some_and(|cooldown| cooldown.until > now)
	}

	/// The balance the account must have frozen: the maximum of its locks, its delegation
	/// and its cooldown.
	pub fn required_freeze(&self) -> Balance {
		let voted =
			self.locks.as_ref().iter().map(|lock| lock.amount).max().unwrap_or_else(Zero::zero);
		let delegated =
			self.delegation.as_ref().map_or_else(Zero::zero, |delegation| delegation.amount);
		let cooling = self.cooldown.as_ref().map_or_else(Zero::zero, |cooldown| cooldown.amount);
		voted.max(delegated).max(cooling)
	}
}

/// A poll as returned by the runtime API: the stored details, texts, call and status.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct PollDetails<AccountId, Balance, BlockNumber> {
	/// The poll's id.
	pub id: PollId,
	/// Its fixed details.
	pub info: PollInfo<AccountId, Balance, BlockNumber>,
	/// Its title.
	pub title: Vec<u8>,
	/// Its option labels, in option order.
	pub options: Vec<Vec<u8>>,
	/// The SCALE-encoded runtime call enacted if it passes, if any.
	pub call: Option<Vec<u8>>,
	/// Its status at the queried block.
	pub status: PollStatus,
}
