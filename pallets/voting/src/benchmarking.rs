//! Benchmarks of the voting pallet (FRAME benchmarking v2).
//!
//! Worst cases: titles and labels of maximal length and `MaxOptions` options; a call whose
//! encoding fills `MaxCallLength`; token-weighted polls (they read and write the voter's
//! `Voters` record and freeze funds) with power delegated to the voter, who already holds locks
//! for `MaxPollsPerVoter - 1` other polls, and whose balance has grown since those ballots, so
//! that the freeze must be raised (a ballot that leaves the frozen amount unchanged skips the
//! freeze); closing a passed token-weighted poll (reads the total issuance) that enacts its
//! call; `unlock`, `delegate` and `undelegate` on records holding `MaxPollsPerVoter` locks,
//! with a freeze that changes.
//!
//! The signer of each benchmarked ballot, delegation and poll creation is
//! `whitelisted_caller()`, as the signer of `pallet_balances::transfer_keep_alive` is in the
//! reference benchmark: in a block, the transaction's nonce and fee checks have read and written
//! its `System::Account` before the call runs, so the call's own access to it is not a database
//! read. Every other account (delegators, delegates, other voters, `unlock`'s target) is not
//! whitelisted.

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, InspectFreeze, Mutate},
	EnsureOrigin, Hooks,
};
use frame_system::RawOrigin;
use sp_runtime::traits::One;

const SEED: u32 = 0;

/// The current block, moved to block 1 first if it is the genesis block: the benchmark test
/// harness does that itself between the setup and the call, which would otherwise leave a
/// schedule built at block 0 starting in the past.
fn now<T: Config>() -> BlockNumberFor<T> {
	let block = frame_system::Pallet::<T>::block_number();
	if block.is_zero() {
		set_block::<T>(One::one());
		return One::one();
	}
	block
}

fn set_block<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
}

/// Account `name`/`index`, funded with `deposits` poll deposits plus plenty of voting power.
fn funded<T: Config>(name: &'static str, index: u32, deposits: u32) -> T::AccountId {
	fund::<T>(account(name, index, SEED), deposits)
}

/// The whitelisted signer (see the module docs), funded as [`funded`] funds its accounts.
fn funded_caller<T: Config>(deposits: u32) -> T::AccountId {
	fund::<T>(whitelisted_caller(), deposits)
}

/// Give `who` `deposits` poll deposits plus plenty of voting power, and return it.
fn fund<T: Config>(who: T::AccountId, deposits: u32) -> T::AccountId {
	let funds = T::Currency::minimum_balance()
		.saturating_add(T::FeeReserve::get())
		.saturating_add(T::PollDeposit::get().saturating_mul(deposits.into()))
		.saturating_add(1_000_000u32.into());
	T::Currency::set_balance(&who, funds);
	who
}

/// A proposer that can afford every poll a benchmark creates.
fn proposer<T: Config>() -> T::AccountId {
	funded::<T>("proposer", 0, proposer_deposits::<T>())
}

/// The number of poll deposits [`proposer`] can afford.
fn proposer_deposits<T: Config>() -> u32 {
	T::MaxPollsPerVoter::get()
		.saturating_mul(2)
		.saturating_add(T::MaxPollsEndingPerBlock::get())
		.saturating_add(2)
}

/// Add to the free balance of `who`, so that its next ballot or delegation counts, and has to
/// freeze, more than its earlier ones: the freeze must be raised.
fn raise_balance<T: Config>(who: &T::AccountId) {
	let balance = T::Currency::balance(who);
	T::Currency::set_balance(who, balance.saturating_add(1_000u32.into()));
}

/// The balance of `who` frozen by this pallet.
fn frozen<T: Config>(who: &T::AccountId) -> BalanceOf<T> {
	T::Currency::balance_frozen(&T::RuntimeFreezeReason::from(FreezeReason::PollVote), who)
}

fn title<T: Config>() -> Vec<u8> {
	vec![b't'; T::MaxTitleLength::get() as usize]
}

fn options<T: Config>(count: u32) -> Vec<Vec<u8>> {
	(0..count).map(|_| vec![b'o'; T::MaxOptionLength::get() as usize]).collect()
}

/// A `remark` whose encoding (pallet and call index, compact length, bytes) fits in
/// `MaxCallLength` with at most 8 bytes to spare. It succeeds with the `Root` origin.
fn max_call<T: Config>() -> CallOf<T> {
	let length = T::MaxCallLength::get().saturating_sub(8) as usize;
	frame_system::Call::<T>::remark { remark: vec![0u8; length] }.into()
}

/// A track that may carry [`max_call`], given bars that any poll on `electorate` meets and no
/// enactment delay, so that a passed call is enacted when its poll closes.
fn bench_track<T: Config>(electorate: Electorate) -> Result<TrackId, BenchmarkError> {
	let call = max_call::<T>();
	let track = T::Tracks::tracks()
		.into_iter()
		.map(|(id, _)| id)
		.find(|id| T::Tracks::allows(*id, &call))
		.ok_or(BenchmarkError::Stop("no track may carry a remark"))?;
	let info = TrackInfo {
		electorate,
		min_turnout: Perbill::zero(),
		min_approval: Perbill::zero(),
		decision_deposit: T::PollDeposit::get(),
		min_voting_period: T::MinVotingPeriod::get(),
		enactment_delay: Zero::zero(),
	};
	Tracks::<T>::insert(track, info);
	Ok(track)
}

/// Create a poll starting now with `option_count` options, closing in the first block (after
/// the minimal periods) that still has room in `PollsEndingAt`.
fn new_poll<T: Config>(
	proposer: &T::AccountId,
	electorate: Electorate,
	ballot_mode: BallotMode,
	option_count: u32,
	call: Option<CallOf<T>>,
) -> Result<PollId, BenchmarkError> {
	let start = now::<T>();
	let min = T::MinVotingPeriod::get();
	let span = T::MaxVotingPeriod::get().saturating_sub(min);
	let mut offset: BlockNumberFor<T> = Zero::zero();
	loop {
		let end = start.saturating_add(min).saturating_add(offset);
		let reveal_end = match ballot_mode {
			BallotMode::Public => None,
			BallotMode::Secret => Some(end.saturating_add(min)),
		};
		let schedule = Schedule { start, end, reveal_end };
		if !PollsEndingAt::<T>::get(schedule.closes_at()).is_full() {
			let track = match call {
				Some(_) => Some(bench_track::<T>(electorate)?),
				None => None,
			};
			let labels = match call {
				Some(_) => vec![AYE.to_vec(), NAY.to_vec()],
				None => options::<T>(option_count),
			};
			let poll_id = Pallet::<T>::do_create_poll(
				proposer.clone(),
				title::<T>(),
				[7u8; 32],
				labels,
				electorate,
				ballot_mode,
				schedule,
				Perbill::from_percent(0),
				Perbill::from_percent(0),
				track,
				call,
			)?;
			return Ok(poll_id);
		}
		if offset >= span {
			return Err(BenchmarkError::Stop("no closing block with room"));
		}
		offset = offset.saturating_add(One::one());
	}
}

/// Have `voter` vote in `count` fresh token-weighted public polls. Returns the last closing
/// block among them.
fn vote_in_polls<T: Config>(
	proposer: &T::AccountId,
	voter: &T::AccountId,
	count: u32,
) -> Result<BlockNumberFor<T>, BenchmarkError> {
	let mut last = now::<T>();
	for _ in 0..count {
		let poll_id =
			new_poll::<T>(proposer, Electorate::TokenWeighted, BallotMode::Public, 2, None)?;
		Pallet::<T>::do_vote(voter.clone(), poll_id, 0)?;
		let closes_at = Polls::<T>::get(poll_id)
			.ok_or(BenchmarkError::Stop("poll not stored"))?
			.schedule
			.closes_at();
		last = last.max(closes_at);
	}
	Ok(last)
}

/// A voter with power delegated to it and locks for `MaxPollsPerVoter - 1` other polls.
fn busy_voter<T: Config>(proposer: &T::AccountId) -> Result<T::AccountId, BenchmarkError> {
	let voter = funded_caller::<T>(0);
	let delegator = funded::<T>("delegator", 0, 0);
	Pallet::<T>::do_delegate(delegator, voter.clone())?;
	vote_in_polls::<T>(proposer, &voter, T::MaxPollsPerVoter::get().saturating_sub(1))?;
	Ok(voter)
}

fn closes_at<T: Config>(poll_id: PollId) -> Result<BlockNumberFor<T>, BenchmarkError> {
	Polls::<T>::get(poll_id)
		.map(|info| info.schedule.closes_at())
		.ok_or(BenchmarkError::Stop("poll not stored"))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// An opinion poll (no call) with `o` maximal labels.
	#[benchmark]
	fn create_poll(o: Linear<2, { T::MaxOptions::get() }>) -> Result<(), BenchmarkError> {
		let proposer = funded_caller::<T>(proposer_deposits::<T>());
		let start = now::<T>();
		let end = start.saturating_add(T::MinVotingPeriod::get());
		let schedule = Schedule { start, end, reveal_end: None };
		let poll_id = NextPollId::<T>::get();

		#[extrinsic_call]
		create_poll(
			RawOrigin::Signed(proposer),
			title::<T>(),
			[7u8; 32],
			options::<T>(o),
			Electorate::VoterRoll,
			BallotMode::Public,
			schedule,
			Perbill::from_percent(50),
			Perbill::from_percent(50),
			None,
			None,
		);

		assert!(Polls::<T>::contains_key(poll_id));
		Ok(())
	}

	/// A referendum: `aye`/`nay`, a call of `MaxCallLength` bytes, on a track with an
	/// enactment delay (its enactment block is reserved in `EnactmentsDue`).
	#[benchmark]
	fn create_referendum() -> Result<(), BenchmarkError> {
		let proposer = funded_caller::<T>(proposer_deposits::<T>());
		let start = now::<T>();
		let end = start.saturating_add(T::MinVotingPeriod::get());
		let schedule = Schedule { start, end, reveal_end: None };
		let poll_id = NextPollId::<T>::get();
		let track = bench_track::<T>(Electorate::VoterRoll)?;
		Tracks::<T>::mutate(track, |info| {
			if let Some(info) = info {
				info.enactment_delay = T::MinVotingPeriod::get();
			}
		});

		#[extrinsic_call]
		create_poll(
			RawOrigin::Signed(proposer),
			title::<T>(),
			[7u8; 32],
			vec![AYE.to_vec(), NAY.to_vec()],
			Electorate::VoterRoll,
			BallotMode::Public,
			schedule,
			Perbill::from_percent(50),
			Perbill::from_percent(50),
			Some(track),
			Some(Box::new(max_call::<T>())),
		);

		assert!(PollCalls::<T>::contains_key(poll_id));
		assert!(!EnactmentsDue::<T>::get(end.saturating_add(T::MinVotingPeriod::get())).is_empty());
		Ok(())
	}

	#[benchmark]
	fn vote() -> Result<(), BenchmarkError> {
		let proposer = proposer::<T>();
		let voter = busy_voter::<T>(&proposer)?;
		let poll_id = new_poll::<T>(
			&proposer,
			Electorate::TokenWeighted,
			BallotMode::Public,
			T::MaxOptions::get(),
			None,
		)?;
		// Changing a vote is the heavier path: the old ballot is read and taken out of the
		// tally.
		Pallet::<T>::do_vote(voter.clone(), poll_id, 0)?;
		// The new ballot counts more than every lock: the freeze must be raised.
		raise_balance::<T>(&voter);
		let option = T::MaxOptions::get().saturating_sub(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), poll_id, option);

		assert_eq!(
			Ballots::<T>::get(poll_id, &voter).map(|ballot| ballot.vote),
			Some(Vote::Public { option })
		);
		assert_eq!(Voters::<T>::get(&voter).locks.len() as u32, T::MaxPollsPerVoter::get());
		assert_eq!(frozen::<T>(&voter), Pallet::<T>::own_power(&voter));
		Ok(())
	}

	#[benchmark]
	fn commit() -> Result<(), BenchmarkError> {
		let proposer = proposer::<T>();
		let voter = busy_voter::<T>(&proposer)?;
		let poll_id = new_poll::<T>(
			&proposer,
			Electorate::TokenWeighted,
			BallotMode::Secret,
			T::MaxOptions::get(),
			None,
		)?;
		// The new ballot counts more than every lock: the freeze must be raised.
		raise_balance::<T>(&voter);

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), poll_id, [1u8; 32]);

		assert!(Ballots::<T>::contains_key(poll_id, &voter));
		assert_eq!(Voters::<T>::get(&voter).locks.len() as u32, T::MaxPollsPerVoter::get());
		assert_eq!(frozen::<T>(&voter), Pallet::<T>::own_power(&voter));
		Ok(())
	}

	#[benchmark]
	fn reveal() -> Result<(), BenchmarkError> {
		let proposer = proposer::<T>();
		let voter = funded_caller::<T>(0);
		let poll_id = new_poll::<T>(
			&proposer,
			Electorate::TokenWeighted,
			BallotMode::Secret,
			T::MaxOptions::get(),
			None,
		)?;
		let option = T::MaxOptions::get().saturating_sub(1);
		let salt = [3u8; 32];
		let commitment = Pallet::<T>::commitment_of(poll_id, option, &salt, &voter);
		Pallet::<T>::do_commit(voter.clone(), poll_id, commitment)?;
		let end = Polls::<T>::get(poll_id)
			.map(|info| info.schedule.end)
			.ok_or(BenchmarkError::Stop("poll not stored"))?;
		set_block::<T>(end);

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), poll_id, option, salt);

		assert_eq!(Tallies::<T>::get(poll_id).map(|tally| tally.revealed), Some(1));
		Ok(())
	}

	#[benchmark]
	fn close() -> Result<(), BenchmarkError> {
		let proposer = proposer::<T>();
		let voter = funded::<T>("voter", 0, 0);
		let poll_id = new_poll::<T>(
			&proposer,
			Electorate::TokenWeighted,
			BallotMode::Public,
			T::MaxOptions::get(),
			Some(max_call::<T>()),
		)?;
		Pallet::<T>::do_vote(voter, poll_id, APPROVE_OPTION)?;
		set_block::<T>(closes_at::<T>(poll_id)?);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), poll_id);

		let result = Results::<T>::get(poll_id).ok_or(BenchmarkError::Stop("not closed"))?;
		assert!(result.passed);
		assert_eq!(result.enactment, Some(Ok(())));
		Ok(())
	}

	#[benchmark]
	fn close_due_polls(
		n: Linear<0, { T::MaxPollsEndingPerBlock::get() }>,
	) -> Result<(), BenchmarkError> {
		let start = now::<T>();
		let end = start.saturating_add(T::MinVotingPeriod::get());
		let schedule = Schedule { start, end, reveal_end: None };
		let track = bench_track::<T>(Electorate::TokenWeighted)?;
		let mut polls = Vec::new();
		for index in 0..n {
			// A proposer per poll: each release of a deposit reads and writes an account and
			// its holds of its own (one proposer for all would be read once, from the cache).
			let proposer = funded::<T>("proposer", index.saturating_add(1), 1);
			let poll_id = Pallet::<T>::do_create_poll(
				proposer,
				title::<T>(),
				[7u8; 32],
				vec![AYE.to_vec(), NAY.to_vec()],
				Electorate::TokenWeighted,
				BallotMode::Public,
				schedule,
				Perbill::from_percent(0),
				Perbill::from_percent(0),
				Some(track),
				Some(max_call::<T>()),
			)?;
			let voter = funded::<T>("voter", index, 0);
			Pallet::<T>::do_vote(voter, poll_id, APPROVE_OPTION)?;
			polls.push(poll_id);
		}
		set_block::<T>(end);

		#[block]
		{
			<Pallet<T> as Hooks<BlockNumberFor<T>>>::on_initialize(end);
		}

		assert!(PollsEndingAt::<T>::get(end).is_empty());
		for poll_id in polls {
			assert!(Results::<T>::get(poll_id).is_some_and(|result| result.passed));
		}
		Ok(())
	}

	#[benchmark]
	fn unlock() -> Result<(), BenchmarkError> {
		let proposer = proposer::<T>();
		let voter = funded::<T>("voter", 0, 0);
		// Power delegated to the voter keeps its record stored (written, not removed).
		let delegator = funded::<T>("delegator", 0, 0);
		Pallet::<T>::do_delegate(delegator, voter.clone())?;
		// `MaxPollsPerVoter` expired locks: all are dropped and the freeze is released.
		let last = vote_in_polls::<T>(&proposer, &voter, T::MaxPollsPerVoter::get())?;
		set_block::<T>(last);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), voter.clone());

		let state = Voters::<T>::get(&voter);
		assert!(state.locks.is_empty());
		assert!(!state.delegated_power.is_zero());
		assert!(frozen::<T>(&voter).is_zero());
		Ok(())
	}

	#[benchmark]
	fn add_voter() -> Result<(), BenchmarkError> {
		let origin =
			T::RosterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let voter: T::AccountId = account("voter", 0, SEED);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, voter.clone());

		assert!(VoterRoll::<T>::contains_key(&voter));
		Ok(())
	}

	#[benchmark]
	fn remove_voter() -> Result<(), BenchmarkError> {
		let origin =
			T::RosterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let voter: T::AccountId = account("voter", 0, SEED);
		Pallet::<T>::do_add_voter(voter.clone())?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, voter.clone());

		assert!(!VoterRoll::<T>::contains_key(&voter));
		Ok(())
	}

	#[benchmark]
	fn delegate() -> Result<(), BenchmarkError> {
		let proposer = proposer::<T>();
		let delegator = funded_caller::<T>(0);
		let target = funded::<T>("target", 0, 0);
		// Expired locks for `MaxPollsPerVoter` polls: all are checked and kept.
		let last = vote_in_polls::<T>(&proposer, &delegator, T::MaxPollsPerVoter::get())?;
		// The target's record, read and written for its delegated power, is as large as it
		// gets.
		let last = last.max(vote_in_polls::<T>(&proposer, &target, T::MaxPollsPerVoter::get())?);
		set_block::<T>(last);
		// The delegation freezes more than the locks: the freeze must be raised.
		raise_balance::<T>(&delegator);

		#[extrinsic_call]
		_(RawOrigin::Signed(delegator.clone()), target.clone());

		assert!(Voters::<T>::get(&delegator).delegation.is_some());
		assert!(!Voters::<T>::get(&target).delegated_power.is_zero());
		assert_eq!(frozen::<T>(&delegator), Pallet::<T>::own_power(&delegator));
		Ok(())
	}

	#[benchmark]
	fn undelegate() -> Result<(), BenchmarkError> {
		let proposer = proposer::<T>();
		let delegator = funded_caller::<T>(0);
		let target = funded::<T>("target", 0, 0);
		// The delegator's record keeps `MaxPollsPerVoter` expired locks.
		let last = vote_in_polls::<T>(&proposer, &delegator, T::MaxPollsPerVoter::get())?;
		set_block::<T>(last);
		// It delegates more than its locks counted, so undelegating lowers the freeze.
		raise_balance::<T>(&delegator);
		Pallet::<T>::do_delegate(delegator.clone(), target.clone())?;
		// The delegate votes in `MaxPollsPerVoter` polls: all are scanned for the cooldown.
		// They have closed, so no cooldown keeps the freeze: it is lowered at once (with a
		// cooldown the frozen amount would stay and the freeze would not be touched).
		let last = vote_in_polls::<T>(&proposer, &target, T::MaxPollsPerVoter::get())?;
		set_block::<T>(last);
		let before = frozen::<T>(&delegator);

		#[extrinsic_call]
		_(RawOrigin::Signed(delegator.clone()));

		let state = Voters::<T>::get(&delegator);
		assert!(state.delegation.is_none() && state.cooldown.is_none());
		assert!(frozen::<T>(&delegator) < before);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
