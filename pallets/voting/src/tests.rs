//! Tests of the voting pallet.

use crate::{mock::*, *};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectFreeze, InspectHold, MutateFreeze},
		tokens::{Fortitude, Preservation},
		ConstU32, Hooks,
	},
};
use sp_runtime::{DispatchError, Perbill};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// First voting block of the default schedules (the block tests start in).
const START: BlockNumber = 1;
/// End of the default voting period: public polls close here.
const END: BlockNumber = 11;
/// End of the default reveal period: secret polls close here.
const REVEAL_END: BlockNumber = 21;
/// A salt.
const SALT: [u8; 32] = [42; 32];
/// Another salt.
const OTHER_SALT: [u8; 32] = [43; 32];

fn percent(x: u32) -> Perbill {
	Perbill::from_percent(x)
}

/// The options of a referendum.
fn aye_nay() -> Vec<Vec<u8>> {
	vec![AYE.to_vec(), NAY.to_vec()]
}

fn labels(count: usize) -> Vec<Vec<u8>> {
	(0..count).map(|i| format!("option {i}").into_bytes()).collect()
}

/// The arguments of `create_poll`. Defaults: `ALICE` proposes a public poll with three options,
/// voting in `START..END`, no quorum, no threshold, no call.
#[derive(Clone)]
struct NewPoll {
	proposer: AccountId,
	title: Vec<u8>,
	description: [u8; 32],
	options: Vec<Vec<u8>>,
	electorate: Electorate,
	ballot_mode: BallotMode,
	schedule: Schedule<BlockNumber>,
	quorum: Perbill,
	threshold: Perbill,
	track: Option<TrackId>,
	call: Option<RuntimeCall>,
}

impl NewPoll {
	fn public(electorate: Electorate) -> Self {
		Self {
			proposer: ALICE,
			title: b"Budget".to_vec(),
			description: [9; 32],
			options: labels(3),
			electorate,
			ballot_mode: BallotMode::Public,
			schedule: Schedule { start: START, end: END, reveal_end: None },
			quorum: Perbill::zero(),
			threshold: Perbill::zero(),
			track: None,
			call: None,
		}
	}

	fn secret(electorate: Electorate) -> Self {
		Self {
			ballot_mode: BallotMode::Secret,
			schedule: Schedule { start: START, end: END, reveal_end: Some(REVEAL_END) },
			..Self::public(electorate)
		}
	}

	fn ending(self, end: BlockNumber) -> Self {
		Self { schedule: Schedule { end, ..self.schedule }, ..self }
	}

	/// Make it a referendum (options `aye`, `nay`) carrying `call` on the bar-less `Root`
	/// track of the poll's electorate.
	fn with_call(self, call: RuntimeCall) -> Self {
		let track = match self.electorate {
			Electorate::TokenWeighted => ROOT_TRACK,
			Electorate::VoterRoll => ROLL_TRACK,
		};
		self.on_track(track, call)
	}

	/// Make it a referendum (options `aye`, `nay`) carrying `call` on `track`.
	fn on_track(self, track: TrackId, call: RuntimeCall) -> Self {
		Self { call: Some(call), track: Some(track), options: aye_nay(), ..self }
	}

	fn with_rules(self, quorum: Perbill, threshold: Perbill) -> Self {
		Self { quorum, threshold, ..self }
	}

	fn dispatch(self) -> DispatchResult {
		Voting::create_poll(
			RuntimeOrigin::signed(self.proposer),
			self.title,
			self.description,
			self.options,
			self.electorate,
			self.ballot_mode,
			self.schedule,
			self.quorum,
			self.threshold,
			self.track,
			self.call.map(Box::new),
		)
	}

	/// Create the poll and return its id.
	fn create(self) -> PollId {
		let poll_id = NextPollId::<Test>::get();
		assert_ok!(self.dispatch());
		poll_id
	}
}

fn vote(who: AccountId, poll_id: PollId, option: OptionIndex) {
	assert_ok!(Voting::vote(RuntimeOrigin::signed(who), poll_id, option));
}

fn commitment(who: AccountId, poll_id: PollId, option: OptionIndex, salt: [u8; 32]) -> [u8; 32] {
	Voting::commitment_of(poll_id, option, &salt, &who)
}

fn commit(who: AccountId, poll_id: PollId, option: OptionIndex, salt: [u8; 32]) {
	let commitment = commitment(who, poll_id, option, salt);
	assert_ok!(Voting::commit(RuntimeOrigin::signed(who), poll_id, commitment));
}

fn reveal(who: AccountId, poll_id: PollId, option: OptionIndex, salt: [u8; 32]) {
	assert_ok!(Voting::reveal(RuntimeOrigin::signed(who), poll_id, option, salt));
}

fn add_voters(voters: &[AccountId]) {
	for voter in voters {
		assert_ok!(Voting::add_voter(RuntimeOrigin::root(), *voter));
	}
}

/// Token voting power of an account without delegations: free balance less the reserve.
fn power(who: AccountId) -> VoteWeight {
	VoteWeight::from(Balances::balance(&who) - FEE_RESERVE)
}

fn frozen(who: AccountId) -> Balance {
	Balances::balance_frozen(&FreezeReason::PollVote.into(), &who)
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::PollDeposit.into(), &who)
}

fn tally(poll_id: PollId) -> Tally<Vec<VoteWeight>> {
	Voting::tally_of(poll_id).expect("the poll exists")
}

fn final_result(poll_id: PollId) -> PollResult<BlockNumber, Vec<VoteWeight>> {
	Voting::result_of(poll_id).expect("the poll is closed")
}

fn status(poll_id: PollId) -> PollStatus {
	Voting::poll_status(poll_id).expect("the poll exists")
}

fn locks(who: AccountId) -> Vec<PollLock<Balance, BlockNumber>> {
	Voters::<Test>::get(who).locks.into_inner()
}

/// The token-voting record of an account (empty if none is stored).
fn record(who: AccountId) -> VoterStateOf<Test> {
	Voters::<Test>::get(who)
}

fn voting_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Voting(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn add_voter_call(voter: AccountId) -> RuntimeCall {
	RuntimeCall::Voting(crate::Call::add_voter { voter })
}

fn remark_call(length: usize) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![1; length] })
}

// ---------------------------------------------------------------------------------------------
// Creating polls
// ---------------------------------------------------------------------------------------------

#[test]
fn create_poll_works() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();

		assert_eq!(poll_id, 0);
		assert_eq!(NextPollId::<Test>::get(), 1);
		assert_eq!(
			Polls::<Test>::get(poll_id),
			Some(PollInfo {
				proposer: ALICE,
				deposit: DEPOSIT,
				created_at: 1,
				description: [9; 32],
				option_count: 3,
				electorate: Electorate::TokenWeighted,
				ballot_mode: BallotMode::Public,
				schedule: Schedule { start: START, end: END, reveal_end: None },
				quorum: Perbill::zero(),
				threshold: Perbill::zero(),
				roll_cutoff: 0,
				roll_size: 0,
				has_call: false,
				track: None,
				enact_at: None,
			})
		);
		assert_eq!(held(ALICE), DEPOSIT);
		assert_eq!(PollsEndingAt::<Test>::get(END).into_inner(), vec![poll_id]);
		assert!(!PollCalls::<Test>::contains_key(poll_id));
		assert_eq!(
			tally(poll_id),
			Tally { totals: vec![0, 0, 0], turnout: 0, ballots: 0, revealed: 0 }
		);
		System::assert_last_event(
			Event::PollCreated {
				poll_id,
				proposer: ALICE,
				deposit: DEPOSIT,
				electorate: Electorate::TokenWeighted,
				ballot_mode: BallotMode::Public,
				closes_at: END,
				track: None,
			}
			.into(),
		);

		let details = Voting::poll_details(poll_id).expect("the poll exists");
		assert_eq!(details.id, poll_id);
		assert_eq!(details.title, b"Budget".to_vec());
		assert_eq!(details.options, labels(3));
		assert_eq!(details.call, None);
		assert_eq!(details.status, PollStatus::Voting);
	});
}

#[test]
fn create_poll_accepts_maximal_inputs_and_stores_the_call() {
	build_and_execute(|| {
		let call = add_voter_call(EVE);
		let poll_id = NewPoll {
			title: vec![b't'; MAX_TITLE_LENGTH as usize],
			..NewPoll::secret(Electorate::VoterRoll)
		}
		.with_call(call.clone())
		.create();
		let maximal = NewPoll {
			title: vec![b't'; MAX_TITLE_LENGTH as usize],
			options: (0..MAX_OPTIONS).map(|_| vec![b'o'; MAX_OPTION_LENGTH as usize]).collect(),
			..NewPoll::public(Electorate::VoterRoll)
		}
		.ending(END + 1)
		.create();
		assert_eq!(Polls::<Test>::get(maximal).map(|info| info.option_count), Some(MAX_OPTIONS));

		let info = Polls::<Test>::get(poll_id).expect("stored");
		assert!(info.has_call);
		assert_eq!(info.option_count, 2);
		assert_eq!(
			PollCalls::<Test>::get(poll_id).map(|bytes| bytes.into_inner()),
			Some(call.encode())
		);
		assert_eq!(
			Voting::poll_details(poll_id).and_then(|details| details.call),
			Some(call.encode())
		);
		assert_eq!(PollsEndingAt::<Test>::get(REVEAL_END).into_inner(), vec![poll_id]);
		assert!(PollsEndingAt::<Test>::get(END).is_empty());
	});
}

#[test]
fn create_poll_snapshots_the_roll() {
	ExtBuilder::default().with_voters(&[ALICE, BOB]).build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::VoterRoll).create();

		let info = Polls::<Test>::get(poll_id).expect("stored");
		assert_eq!(info.roll_cutoff, 2);
		assert_eq!(info.roll_size, 2);
	});
}

#[test]
fn create_poll_fails_for_bad_origin() {
	build_and_execute(|| {
		let poll = NewPoll::public(Electorate::TokenWeighted);
		assert_noop!(
			Voting::create_poll(
				RuntimeOrigin::none(),
				poll.title,
				poll.description,
				poll.options,
				poll.electorate,
				poll.ballot_mode,
				poll.schedule,
				poll.quorum,
				poll.threshold,
				None,
				None,
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn create_poll_fails_with_fewer_than_two_options() {
	build_and_execute(|| {
		for options in [labels(0), labels(1)] {
			assert_noop!(
				NewPoll { options, ..NewPoll::public(Electorate::TokenWeighted) }.dispatch(),
				Error::<Test>::TooFewOptions
			);
		}
	});
}

#[test]
fn create_poll_fails_with_too_many_options() {
	build_and_execute(|| {
		let options = labels(MAX_OPTIONS as usize + 1);
		assert_noop!(
			NewPoll { options, ..NewPoll::public(Electorate::TokenWeighted) }.dispatch(),
			Error::<Test>::TooManyOptions
		);
	});
}

#[test]
fn create_poll_fails_with_long_title_or_label() {
	build_and_execute(|| {
		let title = vec![b't'; MAX_TITLE_LENGTH as usize + 1];
		assert_noop!(
			NewPoll { title, ..NewPoll::public(Electorate::TokenWeighted) }.dispatch(),
			Error::<Test>::TitleTooLong
		);
		let options = vec![vec![b'o'; MAX_OPTION_LENGTH as usize + 1], b"no".to_vec()];
		assert_noop!(
			NewPoll { options, ..NewPoll::public(Electorate::TokenWeighted) }.dispatch(),
			Error::<Test>::OptionTooLong
		);
	});
}

#[test]
fn create_poll_fails_with_invalid_schedule() {
	build_and_execute(|| {
		System::set_block_number(2);
		let public = |start, end, reveal_end| NewPoll {
			schedule: Schedule { start, end, reveal_end },
			..NewPoll::public(Electorate::TokenWeighted)
		};
		let secret = |start, end, reveal_end| NewPoll {
			schedule: Schedule { start, end, reveal_end },
			..NewPoll::secret(Electorate::TokenWeighted)
		};
		let invalid = [
			// Starts in the past.
			public(1, 11, None),
			// Starts more than `MAX_PERIOD` blocks ahead.
			public(2 + MAX_PERIOD + 1, 2 + MAX_PERIOD + 11, None),
			// Voting period too short, too long, or negative.
			public(2, 2 + MIN_PERIOD - 1, None),
			public(2, 2 + MAX_PERIOD + 1, None),
			public(12, 2, None),
			// A reveal end for a public poll, none for a secret one.
			public(2, 12, Some(22)),
			secret(2, 12, None),
			// Reveal period too short or too long.
			secret(2, 12, Some(12 + MIN_PERIOD - 1)),
			secret(2, 12, Some(12 + MAX_PERIOD + 1)),
		];
		for poll in invalid {
			assert_noop!(poll.dispatch(), Error::<Test>::InvalidSchedule);
		}

		// The bounds themselves are valid.
		assert_ok!(public(2, 2 + MIN_PERIOD, None).dispatch());
		assert_ok!(public(2 + MAX_PERIOD, 2 + 2 * MAX_PERIOD, None).dispatch());
		assert_ok!(secret(2, 2 + MAX_PERIOD, Some(2 + MAX_PERIOD + MIN_PERIOD)).dispatch());
	});
}

#[test]
fn create_poll_fails_with_long_call() {
	build_and_execute(|| {
		let call = remark_call(MAX_CALL_LENGTH as usize);
		assert!(call.encode().len() > MAX_CALL_LENGTH as usize);
		assert_noop!(
			NewPoll::public(Electorate::TokenWeighted).with_call(call).dispatch(),
			Error::<Test>::CallTooLong
		);
	});
}

#[test]
fn create_poll_fails_with_heavy_call() {
	build_and_execute(|| {
		MaxEnactmentWeight::set(Weight::from_parts(1, 0));
		assert_noop!(
			NewPoll::public(Electorate::TokenWeighted).with_call(remark_call(1)).dispatch(),
			Error::<Test>::CallTooHeavy
		);
		MaxEnactmentWeight::reset();
	});
}

#[test]
fn create_poll_fails_without_deposit() {
	build_and_execute(|| {
		assert_noop!(
			NewPoll { proposer: POOR, ..NewPoll::public(Electorate::TokenWeighted) }.dispatch(),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn create_poll_fails_when_the_closing_block_is_full() {
	build_and_execute(|| {
		for _ in 0..MAX_POLLS_ENDING {
			NewPoll::public(Electorate::TokenWeighted).create();
		}
		// A secret poll whose reveal ends in that block competes for the same room.
		let secret = NewPoll {
			schedule: Schedule { start: START, end: END - MIN_PERIOD, reveal_end: Some(END) },
			..NewPoll::secret(Electorate::TokenWeighted)
		};
		assert_noop!(secret.dispatch(), Error::<Test>::TooManyPollsEnding);
		assert_noop!(
			NewPoll::public(Electorate::TokenWeighted).dispatch(),
			Error::<Test>::TooManyPollsEnding
		);
		// Another block has room.
		NewPoll::public(Electorate::TokenWeighted).ending(END + 1).create();
	});
}

#[test]
fn create_poll_fails_on_id_overflow() {
	build_and_execute(|| {
		NextPollId::<Test>::put(PollId::MAX);
		assert_noop!(
			NewPoll::public(Electorate::TokenWeighted).dispatch(),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn status_follows_the_schedule() {
	build_and_execute(|| {
		let public = NewPoll {
			schedule: Schedule { start: 3, end: 13, reveal_end: None },
			..NewPoll::public(Electorate::TokenWeighted)
		}
		.create();
		let secret = NewPoll::secret(Electorate::TokenWeighted).create();
		assert_eq!(status(public), PollStatus::Pending);
		assert_eq!(status(secret), PollStatus::Voting);

		run_to_block(3);
		assert_eq!(status(public), PollStatus::Voting);

		run_to_block(END);
		assert_eq!(status(secret), PollStatus::Revealing);

		run_to_block(13);
		assert_eq!(status(public), PollStatus::Closed);

		// If the hook does not run in the closing block, the poll waits for `close`.
		System::set_block_number(REVEAL_END);
		assert_eq!(status(secret), PollStatus::Ended);
		assert_ok!(Voting::close(RuntimeOrigin::signed(EVE), secret));
		assert_eq!(status(secret), PollStatus::Closed);
		assert_eq!(Voting::poll_status(99), None);
	});
}

// ---------------------------------------------------------------------------------------------
// Public ballots
// ---------------------------------------------------------------------------------------------

#[test]
fn vote_works_in_a_roll_poll() {
	ExtBuilder::default().with_voters(&[ALICE, BOB, CHARLIE]).build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::VoterRoll).create();

		vote(BOB, poll_id, 1);

		assert_eq!(
			Ballots::<Test>::get(poll_id, BOB),
			Some(Ballot { vote: Vote::Public { option: 1 }, weight: 1 })
		);
		assert_eq!(
			tally(poll_id),
			Tally { totals: vec![0, 1, 0], turnout: 1, ballots: 1, revealed: 0 }
		);
		assert_eq!(frozen(BOB), 0);
		// Roll ballots keep no token record.
		assert!(!Voters::<Test>::contains_key(BOB));
		System::assert_last_event(
			Event::Voted { poll_id, voter: BOB, option: 1, weight: 1, previous: None }.into(),
		);
	});
}

#[test]
fn vote_works_in_a_token_poll_and_freezes_the_power() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		let weight = power(BOB);
		assert_eq!(weight, 9_990);

		vote(BOB, poll_id, 2);

		assert_eq!(
			Ballots::<Test>::get(poll_id, BOB),
			Some(Ballot { vote: Vote::Public { option: 2 }, weight })
		);
		assert_eq!(
			tally(poll_id),
			Tally { totals: vec![0, 0, weight], turnout: weight, ballots: 1, revealed: 0 }
		);
		assert_eq!(frozen(BOB), 9_990);
		assert_eq!(locks(BOB), vec![PollLock { poll_id, amount: 9_990, until: END }]);
		// Only the fee reserve can still move.
		assert_eq!(
			Balances::reducible_balance(&BOB, Preservation::Expendable, Fortitude::Polite),
			FEE_RESERVE
		);
		assert!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(BOB),
			CHARLIE,
			FEE_RESERVE + 1
		)
		.is_err());
		System::assert_last_event(
			Event::Voted { poll_id, voter: BOB, option: 2, weight, previous: None }.into(),
		);
	});
}

#[test]
fn vote_can_be_changed_until_the_end() {
	ExtBuilder::default().with_voters(&[BOB, CHARLIE]).build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::VoterRoll).create();
		vote(BOB, poll_id, 0);
		vote(CHARLIE, poll_id, 0);

		vote(BOB, poll_id, 2);
		assert_eq!(
			tally(poll_id),
			Tally { totals: vec![1, 0, 1], turnout: 2, ballots: 2, revealed: 0 }
		);
		System::assert_last_event(
			Event::Voted { poll_id, voter: BOB, option: 2, weight: 1, previous: Some(0) }.into(),
		);

		run_to_block(END - 1);
		vote(BOB, poll_id, 1);
		assert_eq!(tally(poll_id).totals, vec![1, 1, 0]);

		run_to_block(END);
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(BOB), poll_id, 0),
			Error::<Test>::AlreadyClosed
		);
		assert_eq!(final_result(poll_id).totals, vec![1, 1, 0]);
	});
}

#[test]
fn changing_a_token_vote_recomputes_its_weight_and_lock() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		vote(BOB, poll_id, 0);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(CHARLIE), BOB, 1_000));

		vote(BOB, poll_id, 1);

		assert_eq!(
			tally(poll_id),
			Tally { totals: vec![0, 10_990, 0], turnout: 10_990, ballots: 1, revealed: 0 }
		);
		assert_eq!(frozen(BOB), 10_990);
		assert_eq!(locks(BOB), vec![PollLock { poll_id, amount: 10_990, until: END }]);
	});
}

#[test]
fn the_freeze_follows_the_largest_lock_when_a_vote_changes() {
	build_and_execute(|| {
		let first = NewPoll::public(Electorate::TokenWeighted).create();
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(CHARLIE), BOB, 1_000));
		vote(BOB, first, 0);
		assert_eq!(frozen(BOB), 10_990);

		// The deposit of BOB's own poll is held from its free balance (a hold may take frozen
		// funds), so its later ballots count less.
		let second =
			NewPoll { proposer: BOB, ..NewPoll::public(Electorate::TokenWeighted) }.create();
		assert_eq!(Voting::own_power(&BOB), 10_890);
		vote(BOB, second, 0);
		// The first lock is still the largest: the freeze stays.
		assert_eq!(
			locks(BOB),
			vec![
				PollLock { poll_id: first, amount: 10_990, until: END },
				PollLock { poll_id: second, amount: 10_890, until: END },
			]
		);
		assert_eq!(frozen(BOB), 10_990);

		// Changing the first vote counts and locks the smaller balance: the freeze drops to
		// the largest remaining lock.
		vote(BOB, first, 1);
		assert_eq!(tally(first).totals, vec![0, 10_890, 0]);
		assert_eq!(frozen(BOB), 10_890);
		System::assert_has_event(
			pallet_balances::Event::<Test>::Thawed { who: BOB, amount: 100 }.into(),
		);

		// Changing it again with the same balance moves the vote and leaves the lock as it is.
		vote(BOB, first, 2);
		assert_eq!(tally(first).totals, vec![0, 0, 10_890]);
		assert_eq!(frozen(BOB), 10_890);
		assert_eq!(locks(BOB)[0], PollLock { poll_id: first, amount: 10_890, until: END });
	});
}

#[test]
fn vote_fails_for_bad_origin_or_unknown_poll() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		assert_noop!(Voting::vote(RuntimeOrigin::none(), poll_id, 0), DispatchError::BadOrigin);
		assert_noop!(Voting::vote(RuntimeOrigin::signed(BOB), 99, 0), Error::<Test>::UnknownPoll);
	});
}

#[test]
fn vote_fails_outside_the_voting_period() {
	build_and_execute(|| {
		let later = NewPoll {
			schedule: Schedule { start: 5, end: 15, reveal_end: None },
			..NewPoll::public(Electorate::TokenWeighted)
		}
		.create();
		assert_noop!(Voting::vote(RuntimeOrigin::signed(BOB), later, 0), Error::<Test>::NotStarted);

		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		// The end block has come but the poll was not closed (the hook did not run).
		System::set_block_number(END);
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(BOB), poll_id, 0),
			Error::<Test>::VotingClosed
		);
	});
}

#[test]
fn vote_fails_on_a_closed_poll() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		run_to_block(END);
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(BOB), poll_id, 0),
			Error::<Test>::AlreadyClosed
		);
	});
}

#[test]
fn vote_fails_for_an_unknown_option() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(BOB), poll_id, 3),
			Error::<Test>::UnknownOption
		);
	});
}

#[test]
fn vote_fails_in_a_secret_poll() {
	build_and_execute(|| {
		let poll_id = NewPoll::secret(Electorate::TokenWeighted).create();
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(BOB), poll_id, 0),
			Error::<Test>::WrongBallotMode
		);
	});
}

#[test]
fn vote_fails_for_accounts_not_on_the_roll_at_creation() {
	ExtBuilder::default().with_voters(&[BOB, CHARLIE]).build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::VoterRoll).create();
		// Never on the roll.
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(EVE), poll_id, 0),
			Error::<Test>::NotOnRoll
		);
		// Added after the poll was created.
		add_voters(&[DAVE]);
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(DAVE), poll_id, 0),
			Error::<Test>::NotOnRoll
		);
		// Removed after the poll was created: its ballot stays, but it cannot change it.
		vote(BOB, poll_id, 0);
		assert_ok!(Voting::remove_voter(RuntimeOrigin::root(), BOB));
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(BOB), poll_id, 1),
			Error::<Test>::NotOnRoll
		);
		// Adding it back gives it a new ticket, after the poll's cutoff.
		add_voters(&[BOB]);
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(BOB), poll_id, 1),
			Error::<Test>::NotOnRoll
		);

		run_to_block(END);
		assert_eq!(final_result(poll_id).totals, vec![1, 0, 0]);
		assert_eq!(final_result(poll_id).eligible, 2);
	});
}

#[test]
fn vote_fails_without_voting_power() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(POOR), poll_id, 0),
			Error::<Test>::NoVotingPower
		);
	});
}

#[test]
fn vote_fails_when_the_poll_is_full() {
	ExtBuilder::default().with_voters(&[ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE]).build_and_execute(
		|| {
			let poll_id = NewPoll::public(Electorate::VoterRoll).create();
			for voter in [ALICE, BOB, CHARLIE, DAVE, EVE] {
				vote(voter, poll_id, 0);
			}
			assert_noop!(
				Voting::vote(RuntimeOrigin::signed(FERDIE), poll_id, 0),
				Error::<Test>::TooManyVoters
			);
			// Changing a vote needs no new room.
			vote(EVE, poll_id, 1);
			assert_eq!(tally(poll_id).ballots, MAX_VOTERS);
		},
	);
}

#[test]
fn vote_fails_when_the_voter_holds_too_many_locks() {
	build_and_execute(|| {
		let polls: Vec<PollId> = (0..MAX_POLLS_PER_VOTER)
			.map(|_| NewPoll::public(Electorate::TokenWeighted).create())
			.collect();
		for poll_id in &polls {
			vote(BOB, *poll_id, 0);
		}
		let one_more = NewPoll::public(Electorate::TokenWeighted).ending(END + 5).create();
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(BOB), one_more, 0),
			Error::<Test>::TooManyPolls
		);
		// Changing a vote in a locked poll needs no new room.
		vote(BOB, polls[0], 1);

		// Once the first polls close and their locks are removed, there is room again.
		run_to_block(END);
		assert_ok!(Voting::unlock(RuntimeOrigin::signed(BOB), BOB));
		vote(BOB, one_more, 0);
		assert_eq!(locks(BOB).len(), 1);
	});
}

// ---------------------------------------------------------------------------------------------
// Secret ballots
// ---------------------------------------------------------------------------------------------

#[test]
fn commit_and_reveal_work() {
	build_and_execute(|| {
		let poll_id = NewPoll::secret(Electorate::TokenWeighted).create();
		let weight = power(BOB);
		let hash = commitment(BOB, poll_id, 1, SALT);

		assert_ok!(Voting::commit(RuntimeOrigin::signed(BOB), poll_id, hash));
		assert_eq!(
			Ballots::<Test>::get(poll_id, BOB),
			Some(Ballot { vote: Vote::Secret { commitment: hash, revealed: None }, weight })
		);
		assert_eq!(
			tally(poll_id),
			Tally { totals: vec![0, 0, 0], turnout: 0, ballots: 1, revealed: 0 }
		);
		assert_eq!(frozen(BOB), 9_990);
		assert_eq!(locks(BOB), vec![PollLock { poll_id, amount: 9_990, until: REVEAL_END }]);
		System::assert_last_event(
			Event::Committed { poll_id, voter: BOB, commitment: hash, weight }.into(),
		);

		// The poll stays open through the reveal period.
		run_to_block(END);
		assert_eq!(status(poll_id), PollStatus::Revealing);
		reveal(BOB, poll_id, 1, SALT);
		assert_eq!(
			Ballots::<Test>::get(poll_id, BOB),
			Some(Ballot { vote: Vote::Secret { commitment: hash, revealed: Some(1) }, weight })
		);
		assert_eq!(
			tally(poll_id),
			Tally { totals: vec![0, weight, 0], turnout: weight, ballots: 1, revealed: 1 }
		);
		System::assert_last_event(
			Event::Revealed { poll_id, voter: BOB, option: 1, weight }.into(),
		);

		run_to_block(REVEAL_END);
		let result = final_result(poll_id);
		assert_eq!(result.totals, vec![0, weight, 0]);
		assert_eq!(result.winning_option, Some(1));
		assert!(result.passed);
	});
}

#[test]
fn secret_token_weight_is_fixed_at_commit() {
	build_and_execute(|| {
		let poll_id = NewPoll::secret(Electorate::TokenWeighted).create();
		commit(BOB, poll_id, 0, SALT);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(CHARLIE), BOB, 1_000));

		run_to_block(END);
		reveal(BOB, poll_id, 0, SALT);
		assert_eq!(tally(poll_id).totals, vec![9_990, 0, 0]);
	});
}

#[test]
fn commit_fails_twice() {
	ExtBuilder::default().with_voters(&[BOB]).build_and_execute(|| {
		// Token-weighted polls find the first commitment through the voter's lock, roll polls
		// through its ballot.
		for electorate in [Electorate::TokenWeighted, Electorate::VoterRoll] {
			let poll_id = NewPoll::secret(electorate).create();
			commit(BOB, poll_id, 0, SALT);
			assert_noop!(
				Voting::commit(
					RuntimeOrigin::signed(BOB),
					poll_id,
					commitment(BOB, poll_id, 1, SALT)
				),
				Error::<Test>::AlreadyCommitted
			);
		}
	});
}

#[test]
fn commit_fails_in_a_public_or_unknown_poll() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		assert_noop!(
			Voting::commit(RuntimeOrigin::signed(BOB), poll_id, [0; 32]),
			Error::<Test>::WrongBallotMode
		);
		assert_noop!(
			Voting::commit(RuntimeOrigin::signed(BOB), 99, [0; 32]),
			Error::<Test>::UnknownPoll
		);
		assert_noop!(
			Voting::commit(RuntimeOrigin::none(), poll_id, [0; 32]),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn commit_fails_outside_the_voting_period() {
	build_and_execute(|| {
		let later = NewPoll {
			schedule: Schedule { start: 5, end: 15, reveal_end: Some(25) },
			..NewPoll::secret(Electorate::TokenWeighted)
		}
		.create();
		assert_noop!(
			Voting::commit(RuntimeOrigin::signed(BOB), later, [0; 32]),
			Error::<Test>::NotStarted
		);

		let poll_id = NewPoll::secret(Electorate::TokenWeighted).create();
		run_to_block(END);
		assert_noop!(
			Voting::commit(RuntimeOrigin::signed(BOB), poll_id, [0; 32]),
			Error::<Test>::VotingClosed
		);
		run_to_block(REVEAL_END);
		assert_noop!(
			Voting::commit(RuntimeOrigin::signed(BOB), poll_id, [0; 32]),
			Error::<Test>::AlreadyClosed
		);
	});
}

#[test]
fn commit_fails_for_ineligible_voters() {
	ExtBuilder::default().with_voters(&[BOB]).build_and_execute(|| {
		let roll = NewPoll::secret(Electorate::VoterRoll).create();
		assert_noop!(
			Voting::commit(RuntimeOrigin::signed(EVE), roll, [0; 32]),
			Error::<Test>::NotOnRoll
		);
		let token = NewPoll::secret(Electorate::TokenWeighted).create();
		assert_noop!(
			Voting::commit(RuntimeOrigin::signed(POOR), token, [0; 32]),
			Error::<Test>::NoVotingPower
		);
		assert_ok!(Voting::delegate(RuntimeOrigin::signed(CHARLIE), BOB));
		assert_noop!(
			Voting::commit(RuntimeOrigin::signed(CHARLIE), token, [0; 32]),
			Error::<Test>::Delegating
		);
	});
}

#[test]
fn commit_fails_when_the_poll_is_full_or_the_voter_holds_too_many_locks() {
	build_and_execute(|| {
		let poll_id = NewPoll::secret(Electorate::TokenWeighted).create();
		for voter in [ALICE, BOB, CHARLIE, DAVE, EVE] {
			commit(voter, poll_id, 0, SALT);
		}
		assert_noop!(
			Voting::commit(RuntimeOrigin::signed(FERDIE), poll_id, [0; 32]),
			Error::<Test>::TooManyVoters
		);

		for end in [END + 1, END + 2] {
			let other = NewPoll::public(Electorate::TokenWeighted).ending(end).create();
			vote(BOB, other, 0);
		}
		let one_more = NewPoll {
			schedule: Schedule { start: START, end: END + 3, reveal_end: Some(REVEAL_END + 3) },
			..NewPoll::secret(Electorate::TokenWeighted)
		}
		.create();
		assert_noop!(
			Voting::commit(RuntimeOrigin::signed(BOB), one_more, [0; 32]),
			Error::<Test>::TooManyPolls
		);
	});
}

#[test]
fn reveal_fails_with_a_wrong_preimage() {
	build_and_execute(|| {
		let poll_id = NewPoll::secret(Electorate::TokenWeighted).create();
		commit(BOB, poll_id, 1, SALT);
		commit(CHARLIE, poll_id, 2, OTHER_SALT);
		run_to_block(END);

		// Wrong salt, wrong option, and another voter's preimage.
		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(BOB), poll_id, 1, OTHER_SALT),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(BOB), poll_id, 2, SALT),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(CHARLIE), poll_id, 1, SALT),
			Error::<Test>::CommitmentMismatch
		);
		// A commitment made for another poll does not match either.
		let other = NewPoll {
			schedule: Schedule { start: END, end: END + MIN_PERIOD, reveal_end: Some(30) },
			..NewPoll::secret(Electorate::TokenWeighted)
		}
		.create();
		let replayed = commitment(BOB, poll_id, 1, SALT);
		assert_ok!(Voting::commit(RuntimeOrigin::signed(BOB), other, replayed));
		run_to_block(END + MIN_PERIOD);
		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(BOB), other, 1, SALT),
			Error::<Test>::CommitmentMismatch
		);
	});
}

#[test]
fn reveal_fails_outside_the_reveal_period() {
	build_and_execute(|| {
		let poll_id = NewPoll::secret(Electorate::TokenWeighted).create();
		commit(BOB, poll_id, 1, SALT);
		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(BOB), poll_id, 1, SALT),
			Error::<Test>::NotInRevealPeriod
		);
		// The reveal end has come but the poll was not closed (the hook did not run).
		System::set_block_number(REVEAL_END);
		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(BOB), poll_id, 1, SALT),
			Error::<Test>::NotInRevealPeriod
		);
		assert_ok!(Voting::close(RuntimeOrigin::signed(EVE), poll_id));
		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(BOB), poll_id, 1, SALT),
			Error::<Test>::AlreadyClosed
		);
	});
}

#[test]
fn reveal_fails_without_commitment_twice_or_in_a_public_poll() {
	build_and_execute(|| {
		let poll_id = NewPoll::secret(Electorate::TokenWeighted).create();
		let public = NewPoll::public(Electorate::TokenWeighted).create();
		commit(BOB, poll_id, 1, SALT);
		run_to_block(END);

		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(EVE), poll_id, 1, SALT),
			Error::<Test>::NoCommitment
		);
		reveal(BOB, poll_id, 1, SALT);
		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(BOB), poll_id, 1, SALT),
			Error::<Test>::AlreadyRevealed
		);
		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(BOB), public, 1, SALT),
			Error::<Test>::WrongBallotMode
		);
		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(BOB), 99, 1, SALT),
			Error::<Test>::UnknownPoll
		);
		assert_noop!(
			Voting::reveal(RuntimeOrigin::none(), poll_id, 1, SALT),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn reveal_fails_for_an_unknown_option() {
	build_and_execute(|| {
		let poll_id = NewPoll::secret(Electorate::TokenWeighted).create();
		// A well-formed commitment to an option the poll does not have.
		commit(BOB, poll_id, 7, SALT);
		run_to_block(END);
		assert_noop!(
			Voting::reveal(RuntimeOrigin::signed(BOB), poll_id, 7, SALT),
			Error::<Test>::UnknownOption
		);
	});
}

#[test]
fn unrevealed_commitments_do_not_count() {
	ExtBuilder::default().with_voters(&[BOB, CHARLIE, DAVE]).build_and_execute(|| {
		let poll_id = NewPoll::secret(Electorate::VoterRoll).create();
		commit(BOB, poll_id, 1, SALT);
		commit(CHARLIE, poll_id, 0, SALT);
		commit(DAVE, poll_id, 0, OTHER_SALT);
		run_to_block(END);
		reveal(BOB, poll_id, 1, SALT);

		run_to_block(REVEAL_END);
		let result = final_result(poll_id);
		assert_eq!(result.totals, vec![0, 1, 0]);
		assert_eq!(result.turnout, 1);
		assert_eq!(result.winning_option, Some(1));
		assert_eq!(tally(poll_id).ballots, 3);
		assert_eq!(tally(poll_id).revealed, 1);
	});
}

#[test]
fn commitment_is_keccak_of_the_scale_encoded_tuple() {
	build_and_execute(|| {
		// poll_id (u32 LE) ‖ option (u32 LE) ‖ salt ‖ voter (SCALE: u64 LE in the mock).
		let mut preimage = Vec::new();
		preimage.extend_from_slice(&7u32.to_le_bytes());
		preimage.extend_from_slice(&2u32.to_le_bytes());
		preimage.extend_from_slice(&SALT);
		preimage.extend_from_slice(&BOB.to_le_bytes());
		assert_eq!(preimage.len(), 48);
		assert_eq!(preimage, (7u32, 2u32, SALT, BOB).encode());
		assert_eq!(Voting::commitment_of(7, 2, &SALT, &BOB), sp_io::hashing::keccak_256(&preimage));
	});
}

#[test]
fn commitment_test_vector() {
	build_and_execute(|| {
		// Mock account ids are u64.
		assert_eq!(
			Voting::commitment_of(7, 2, &[0x2a; 32], &BOB),
			[
				0xf7, 0xf5, 0x99, 0xc4, 0x32, 0x57, 0x76, 0x76, 0x8e, 0x50, 0xc2, 0x11, 0x85, 0x9a,
				0x78, 0x99, 0xa4, 0xa1, 0x99, 0x24, 0xec, 0x47, 0xdd, 0x3f, 0xb4, 0x67, 0x40, 0x87,
				0x46, 0x0e, 0x0e, 0x3f,
			]
		);
		// Sharechain's AccountId32: the 72-byte preimage of the crate docs' example.
		let voter = sp_runtime::AccountId32::new([0x01; 32]);
		let encoded = (7u32, 2u32, [0x2a_u8; 32], voter).encode();
		assert_eq!(encoded.len(), 72);
		assert_eq!(
			sp_io::hashing::keccak_256(&encoded),
			[
				0x6c, 0xc4, 0xe0, 0x26, 0xd8, 0x16, 0x74, 0x9d, 0x70, 0x66, 0x12, 0x0a, 0x81, 0x44,
				0x28, 0x06, 0xda, 0x79, 0x6c, 0xda, 0x37, 0x87, 0xd3, 0xee, 0x96, 0xfb, 0xc6, 0x63,
				0xe7, 0x89, 0xa9, 0x23,
			]
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Closing and tallying
// ---------------------------------------------------------------------------------------------

#[test]
fn poll_closes_on_its_own_at_its_end() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		vote(BOB, poll_id, 1);
		vote(CHARLIE, poll_id, 1);
		vote(DAVE, poll_id, 0);
		let weight = power(BOB);

		run_to_block(END - 1);
		assert!(Voting::result_of(poll_id).is_none());
		run_to_block(END);

		let expected = PollResult {
			totals: vec![weight, 2 * weight, 0],
			turnout: 3 * weight,
			eligible: VoteWeight::from(TOTAL_ISSUANCE),
			winning_option: Some(1),
			quorum_reached: true,
			approved: true,
			passed: true,
			enactment: None,
			enact_at: None,
			closed_at: END,
		};
		assert_eq!(final_result(poll_id), expected);
		assert_eq!(status(poll_id), PollStatus::Closed);
		assert_eq!(held(ALICE), 0);
		assert!(!PollsEndingAt::<Test>::contains_key(END));
		let stored = Results::<Test>::get(poll_id).expect("closed");
		System::assert_last_event(Event::PollClosed { poll_id, result: stored }.into());
	});
}

#[test]
fn secret_poll_closes_at_the_end_of_the_reveal_period() {
	build_and_execute(|| {
		let poll_id = NewPoll::secret(Electorate::TokenWeighted).create();
		run_to_block(END);
		assert!(Voting::result_of(poll_id).is_none());
		assert_eq!(held(ALICE), DEPOSIT);
		run_to_block(REVEAL_END);
		assert_eq!(final_result(poll_id).closed_at, REVEAL_END);
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn hook_closes_every_poll_ending_in_the_block() {
	build_and_execute(|| {
		let polls: Vec<PollId> = (0..MAX_POLLS_ENDING)
			.map(|_| NewPoll::public(Electorate::TokenWeighted).create())
			.collect();
		assert_eq!(held(ALICE), DEPOSIT * Balance::from(MAX_POLLS_ENDING));
		run_to_block(END);
		for poll_id in polls {
			assert_eq!(status(poll_id), PollStatus::Closed);
		}
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn close_works_after_the_end_if_the_hook_did_not_close() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		vote(BOB, poll_id, 0);
		System::set_block_number(END + 3);

		assert_ok!(Voting::close(RuntimeOrigin::signed(EVE), poll_id));

		let result = final_result(poll_id);
		assert_eq!(result.closed_at, END + 3);
		assert_eq!(result.winning_option, Some(0));
		assert!(!PollsEndingAt::<Test>::contains_key(END));
		assert_eq!(held(ALICE), 0);
		let stored = Results::<Test>::get(poll_id).expect("closed");
		System::assert_last_event(Event::PollClosed { poll_id, result: stored }.into());
	});
}

#[test]
fn close_fails_early_twice_or_for_unknown_polls() {
	build_and_execute(|| {
		let public = NewPoll::public(Electorate::TokenWeighted).create();
		let secret = NewPoll::secret(Electorate::TokenWeighted).create();
		assert_noop!(
			Voting::close(RuntimeOrigin::signed(EVE), public),
			Error::<Test>::PollNotEnded
		);
		run_to_block(END);
		// A secret poll is not over before its reveal period is.
		assert_noop!(
			Voting::close(RuntimeOrigin::signed(EVE), secret),
			Error::<Test>::PollNotEnded
		);
		assert_noop!(
			Voting::close(RuntimeOrigin::signed(EVE), public),
			Error::<Test>::AlreadyClosed
		);
		assert_noop!(Voting::close(RuntimeOrigin::signed(EVE), 99), Error::<Test>::UnknownPoll);
		assert_noop!(Voting::close(RuntimeOrigin::none(), secret), DispatchError::BadOrigin);
	});
}

#[test]
fn quorum_is_reached_exactly_at_its_share() {
	// Four voters on the roll and a quorum of 50%: two ballots are needed.
	ExtBuilder::default().with_voters(&[ALICE, BOB, CHARLIE, DAVE]).build_and_execute(|| {
		let reached = NewPoll::public(Electorate::VoterRoll)
			.with_rules(percent(50), Perbill::zero())
			.create();
		let missed = NewPoll::public(Electorate::VoterRoll)
			.with_rules(percent(50), Perbill::zero())
			.create();
		vote(BOB, reached, 0);
		vote(CHARLIE, reached, 0);
		vote(BOB, missed, 0);
		run_to_block(END);

		let result = final_result(reached);
		assert_eq!((result.eligible, result.turnout), (4, 2));
		assert!(result.quorum_reached && result.approved && result.passed);
		let result = final_result(missed);
		assert_eq!((result.eligible, result.turnout), (4, 1));
		assert!(!result.quorum_reached && result.approved && !result.passed);
	});
}

#[test]
fn threshold_is_met_exactly_at_its_share() {
	// Votes 2 / 1 / 1: the winner has exactly 50% of the turnout.
	ExtBuilder::default().with_voters(&[ALICE, BOB, CHARLIE, DAVE]).build_and_execute(|| {
		let at = NewPoll::public(Electorate::VoterRoll).with_rules(Perbill::zero(), percent(50));
		let above = NewPoll::public(Electorate::VoterRoll).with_rules(Perbill::zero(), percent(51));
		let at = at.create();
		let above = above.create();
		for poll_id in [at, above] {
			vote(ALICE, poll_id, 0);
			vote(BOB, poll_id, 0);
			vote(CHARLIE, poll_id, 1);
			vote(DAVE, poll_id, 2);
		}
		run_to_block(END);

		let result = final_result(at);
		assert_eq!(result.totals, vec![2, 1, 1]);
		assert_eq!(result.winning_option, Some(0));
		assert!(result.approved && result.passed);
		let result = final_result(above);
		assert_eq!(result.winning_option, Some(0));
		assert!(result.quorum_reached && !result.approved && !result.passed);
	});
}

#[test]
fn a_tie_has_no_winner_and_does_not_pass() {
	ExtBuilder::default().with_voters(&[BOB, CHARLIE]).build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::VoterRoll).create();
		vote(BOB, poll_id, 0);
		vote(CHARLIE, poll_id, 2);
		run_to_block(END);

		let result = final_result(poll_id);
		assert_eq!(result.winning_option, None);
		assert!(result.quorum_reached && !result.approved && !result.passed);
	});
}

#[test]
fn a_poll_without_ballots_does_not_pass() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::VoterRoll).create();
		run_to_block(END);

		let result = final_result(poll_id);
		assert_eq!(result.totals, vec![0, 0, 0]);
		assert_eq!((result.turnout, result.eligible), (0, 0));
		assert_eq!(result.winning_option, None);
		assert!(result.quorum_reached && !result.approved && !result.passed);
	});
}

#[test]
fn token_quorum_is_measured_against_the_total_issuance() {
	build_and_execute(|| {
		// 20% of 60_008 is 12_001.6: 12_002 is needed.
		let missed = NewPoll::public(Electorate::TokenWeighted)
			.with_rules(percent(20), Perbill::zero())
			.create();
		let reached = NewPoll::public(Electorate::TokenWeighted)
			.with_rules(percent(20), Perbill::zero())
			.create();
		vote(BOB, missed, 0);
		vote(BOB, reached, 0);
		vote(CHARLIE, reached, 0);
		run_to_block(END);

		let result = final_result(missed);
		assert_eq!(result.eligible, VoteWeight::from(TOTAL_ISSUANCE));
		assert_eq!(result.turnout, 9_990);
		assert!(!result.quorum_reached && !result.passed);
		let result = final_result(reached);
		assert_eq!(result.turnout, 19_980);
		assert!(result.quorum_reached && result.passed);
	});
}

#[test]
fn decide_follows_the_documented_rules() {
	assert_eq!(winning_option(&[]), None);
	assert_eq!(winning_option(&[0, 0, 0]), None);
	assert_eq!(winning_option(&[1, 4, 2]), Some(1));
	assert_eq!(winning_option(&[5, 3, 5]), None);
	assert_eq!(winning_option(&[3, 5, 5]), None);
	assert_eq!(winning_option(&[5, 5, 6]), Some(2));

	let decision = decide(&[2, 1, 1], 4, 4, percent(100), percent(50), false);
	assert_eq!(
		decision,
		Decision { winning_option: Some(0), quorum_reached: true, approved: true, passed: true }
	);
	// 99.9999999% of 4 rounds up to 4.
	assert!(
		decide(&[2, 1, 1], 4, 4, Perbill::from_parts(999_999_999), percent(50), false)
			.quorum_reached
	);
	assert!(
		!decide(&[2, 1, 1], 4, 5, Perbill::from_parts(999_999_999), percent(50), false)
			.quorum_reached
	);
	// With a call, only option 0 approves.
	assert!(!decide(&[1, 2, 1], 4, 4, Perbill::zero(), Perbill::zero(), true).approved);
	assert!(decide(&[2, 1, 1], 4, 4, Perbill::zero(), Perbill::zero(), true).passed);
}

// ---------------------------------------------------------------------------------------------
// Enactment
// ---------------------------------------------------------------------------------------------

#[test]
fn a_passed_poll_enacts_its_call_with_root() {
	ExtBuilder::default().with_voters(&[ALICE, BOB, CHARLIE]).build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::VoterRoll)
			.with_rules(percent(50), percent(50))
			.with_call(add_voter_call(FERDIE))
			.create();
		vote(BOB, poll_id, 0);
		vote(CHARLIE, poll_id, 0);
		run_to_block(END);

		let result = final_result(poll_id);
		assert!(result.passed);
		assert_eq!(result.enactment, Some(Ok(())));
		assert_eq!(VoterRoll::<Test>::get(FERDIE), Some(3));
		let events = voting_events();
		let n = events.len();
		assert_eq!(events[n - 3], Event::VoterAdded { voter: FERDIE, ticket: 3 });
		assert_eq!(events[n - 2], Event::Enacted { poll_id, result: Ok(()) });
		assert!(matches!(events[n - 1], Event::PollClosed { .. }));
	});
}

#[test]
fn a_failing_call_does_not_fail_the_close() {
	ExtBuilder::default().with_voters(&[BOB]).build_and_execute(|| {
		// EVE is not on the roll: the enacted call fails.
		let not_on_roll = NewPoll::public(Electorate::VoterRoll)
			.with_call(RuntimeCall::Voting(crate::Call::remove_voter { voter: EVE }))
			.create();
		// `remark_with_event` needs a signed origin.
		let bad_origin = NewPoll::public(Electorate::VoterRoll)
			.with_call(RuntimeCall::System(frame_system::Call::remark_with_event {
				remark: vec![1],
			}))
			.create();
		vote(BOB, not_on_roll, 0);
		vote(BOB, bad_origin, 0);
		run_to_block(END);

		let result = final_result(not_on_roll);
		assert!(result.passed);
		assert_eq!(result.enactment, Some(Err(Error::<Test>::NotOnRoll.into())));
		System::assert_has_event(
			Event::Enacted { poll_id: not_on_roll, result: Err(Error::<Test>::NotOnRoll.into()) }
				.into(),
		);
		let result = final_result(bad_origin);
		assert!(result.passed);
		assert_eq!(result.enactment, Some(Err(DispatchError::BadOrigin)));
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn an_undecodable_or_too_heavy_call_is_recorded_not_dispatched() {
	ExtBuilder::default().with_voters(&[BOB]).build_and_execute(|| {
		let garbled =
			NewPoll::public(Electorate::VoterRoll).with_call(add_voter_call(EVE)).create();
		let heavy = NewPoll::public(Electorate::VoterRoll).with_call(add_voter_call(EVE)).create();
		vote(BOB, garbled, 0);
		vote(BOB, heavy, 0);
		// As after a runtime upgrade: the stored bytes no longer decode, or the call became
		// heavier than allowed.
		PollCalls::<Test>::insert(
			garbled,
			BoundedVec::<u8, ConstU32<MAX_CALL_LENGTH>>::truncate_from(vec![0xff, 0xff]),
		);
		MaxEnactmentWeight::set(Weight::from_parts(1, 0));
		run_to_block(END);
		MaxEnactmentWeight::reset();

		assert_eq!(
			final_result(garbled).enactment,
			Some(Err(Error::<Test>::UndecodableCall.into()))
		);
		assert_eq!(final_result(heavy).enactment, Some(Err(Error::<Test>::CallTooHeavy.into())));
		assert!(!VoterRoll::<Test>::contains_key(EVE));
	});
}

#[test]
fn a_rejected_poll_does_not_enact_its_call() {
	ExtBuilder::default().with_voters(&[BOB, CHARLIE]).build_and_execute(|| {
		// Option 1 wins with every vote: the poll is not approved because option 0 did not win.
		let poll_id =
			NewPoll::public(Electorate::VoterRoll).with_call(add_voter_call(EVE)).create();
		vote(BOB, poll_id, 1);
		vote(CHARLIE, poll_id, 1);
		run_to_block(END);

		let result = final_result(poll_id);
		assert_eq!(result.winning_option, Some(1));
		assert!(!result.approved && !result.passed);
		assert_eq!(result.enactment, None);
		assert!(!VoterRoll::<Test>::contains_key(EVE));
		assert!(!voting_events().iter().any(|event| matches!(event, Event::Enacted { .. })));
	});
}

#[test]
fn enactment_weight_is_accounted() {
	ExtBuilder::default().with_voters(&[BOB]).build_and_execute(|| {
		let call = add_voter_call(EVE);
		let call_weight = call.get_dispatch_info().call_weight;
		let by_hook = NewPoll::public(Electorate::VoterRoll).with_call(call.clone()).create();
		let by_call = NewPoll::public(Electorate::VoterRoll)
			.ending(END + 1)
			.with_call(add_voter_call(DAVE))
			.create();
		vote(BOB, by_hook, 0);
		vote(BOB, by_call, 0);

		System::set_block_number(END);
		let weight = <Voting as Hooks<BlockNumber>>::on_initialize(END);
		assert_eq!(
			weight,
			<() as crate::WeightInfo>::close_due_polls(1).saturating_add(call_weight)
		);
		assert_eq!(final_result(by_hook).enactment, Some(Ok(())));

		System::set_block_number(END + 1);
		let post_info =
			Voting::close(RuntimeOrigin::signed(EVE), by_call).expect("closing succeeds");
		assert_eq!(
			post_info.actual_weight,
			Some(<() as crate::WeightInfo>::close().saturating_add(call_weight))
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Tracks
// ---------------------------------------------------------------------------------------------

/// A poll on the admin track that meets its bar exactly: token-weighted, quorum 20%,
/// threshold 60%, voting for its minimum 10 blocks, carrying `call`.
fn admin_poll(call: RuntimeCall) -> NewPoll {
	NewPoll::public(Electorate::TokenWeighted)
		.with_rules(percent(20), percent(60))
		.on_track(ADMIN_TRACK, call)
}

#[test]
fn a_call_needs_a_track_and_a_track_needs_a_call() {
	build_and_execute(|| {
		let without_track = NewPoll {
			track: None,
			..NewPoll::public(Electorate::VoterRoll).with_call(add_voter_call(EVE))
		};
		assert_noop!(without_track.dispatch(), Error::<Test>::CallWithoutTrack);
		let without_call =
			NewPoll { track: Some(ROOT_TRACK), ..NewPoll::public(Electorate::TokenWeighted) };
		assert_noop!(without_call.dispatch(), Error::<Test>::TrackWithoutCall);
	});
}

#[test]
fn a_referendum_has_exactly_the_options_aye_and_nay() {
	build_and_execute(|| {
		let call = add_voter_call(EVE);
		for options in [
			vec![b"nay".to_vec(), b"aye".to_vec()],
			vec![b"Reject".to_vec(), b"Approve".to_vec()],
			vec![b"aye".to_vec(), b"nay".to_vec(), b"abstain".to_vec()],
		] {
			assert_noop!(
				NewPoll { options, ..admin_poll(call.clone()) }.dispatch(),
				Error::<Test>::NotAyeNay
			);
		}
		assert_ok!(admin_poll(call).dispatch());
	});
}

#[test]
fn unknown_tracks_and_tracks_without_bars_are_refused() {
	build_and_execute(|| {
		assert_noop!(
			admin_poll(add_voter_call(EVE)).on_track(9, add_voter_call(EVE)).dispatch(),
			Error::<Test>::UnknownTrack
		);
		assert_noop!(
			admin_poll(add_voter_call(EVE)).on_track(BARLESS_TRACK, add_voter_call(EVE)).dispatch(),
			Error::<Test>::UnknownTrack
		);
	});
}

#[test]
fn every_bar_of_a_track_is_enforced() {
	build_and_execute(|| {
		let call = add_voter_call(EVE);
		assert_noop!(
			NewPoll { electorate: Electorate::VoterRoll, ..admin_poll(call.clone()) }.dispatch(),
			Error::<Test>::WrongElectorate
		);
		assert_noop!(
			admin_poll(call.clone()).with_rules(percent(19), percent(60)).dispatch(),
			Error::<Test>::TurnoutBelowTrack
		);
		assert_noop!(
			admin_poll(call.clone()).with_rules(percent(20), percent(59)).dispatch(),
			Error::<Test>::ApprovalBelowTrack
		);
		assert_noop!(
			admin_poll(call.clone()).ending(START + 9).dispatch(),
			Error::<Test>::PeriodBelowTrack
		);
		// The admin track may not carry a call outside its origin's reach.
		assert_noop!(admin_poll(remark_call(1)).dispatch(), Error::<Test>::CallNotOnTrack);
		assert_noop!(
			admin_poll(RuntimeCall::System(frame_system::Call::set_code { code: vec![1] }))
				.dispatch(),
			Error::<Test>::CallNotOnTrack
		);

		// Exactly at the bar: accepted, holding the track's decision deposit.
		let poll_id = admin_poll(call).create();
		let info = Polls::<Test>::get(poll_id).expect("stored");
		assert_eq!(info.track, Some(ADMIN_TRACK));
		assert_eq!(info.deposit, admin_track().decision_deposit);
		assert_eq!(info.enact_at, Some(END + admin_track().enactment_delay));
		assert_eq!(held(ALICE), admin_track().decision_deposit);
		assert_eq!(EnactmentsDue::<Test>::get(END + 5).into_inner(), vec![poll_id]);
	});
}

#[test]
fn opinion_polls_keep_their_freedom() {
	build_and_execute(|| {
		// No call: any electorate, no quorum, no threshold, the shortest period.
		let poll_id = NewPoll::public(Electorate::VoterRoll).ending(START + MIN_PERIOD).create();
		let info = Polls::<Test>::get(poll_id).expect("stored");
		assert_eq!((info.track, info.enact_at, info.deposit), (None, None, DEPOSIT));
	});
}

#[test]
fn a_fresh_account_cannot_capture_a_track() {
	build_and_execute(|| {
		// A fresh account with just enough for the decision deposit and fees.
		let attacker: AccountId = 50;
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(BOB), attacker, 600));
		let capture = |rules: (u32, u32), end: BlockNumber| NewPoll {
			proposer: attacker,
			..admin_poll(add_voter_call(attacker))
				.with_rules(percent(rules.0), percent(rules.1))
				.ending(end)
		};
		// The smallest numbers it can choose are refused...
		assert_noop!(
			capture((0, 0), START + MIN_PERIOD).dispatch(),
			Error::<Test>::TurnoutBelowTrack
		);
		assert_noop!(
			capture((20, 0), START + MIN_PERIOD).dispatch(),
			Error::<Test>::ApprovalBelowTrack
		);
		assert_noop!(
			capture((20, 60), START + MIN_PERIOD).dispatch(),
			Error::<Test>::PeriodBelowTrack
		);
		// ... and at the track's bar, voting alone does not reach the turnout.
		let poll_id = capture((20, 60), END).create();
		vote(attacker, poll_id, 0);
		run_to_block(END + admin_track().enactment_delay);

		let result = final_result(poll_id);
		assert!(!result.quorum_reached && !result.passed);
		assert_eq!((result.enactment, result.enact_at), (None, None));
		assert!(!VoterRoll::<Test>::contains_key(attacker));
		assert!(EnactmentsDue::<Test>::iter().next().is_none());
		assert_eq!(held(attacker), 0);
	});
}

#[test]
fn a_passed_call_is_enacted_with_the_track_origin_after_the_delay() {
	build_and_execute(|| {
		let add = admin_poll(add_voter_call(EVE)).create();
		let remark = admin_poll(RuntimeCall::System(frame_system::Call::remark_with_event {
			remark: b"hello".to_vec(),
		}))
		.create();
		for poll_id in [add, remark] {
			vote(BOB, poll_id, 0);
			vote(CHARLIE, poll_id, 0);
		}
		let enact_at = END + admin_track().enactment_delay;

		// Passed at its end: the call is public and pending, not run.
		run_to_block(END);
		let result = final_result(add);
		assert!(result.passed);
		assert_eq!((result.enactment, result.enact_at), (None, Some(enact_at)));
		System::assert_has_event(Event::EnactmentScheduled { poll_id: add, at: enact_at }.into());
		assert!(!VoterRoll::<Test>::contains_key(EVE));
		assert_noop!(
			Voting::enact(RuntimeOrigin::signed(EVE), add),
			Error::<Test>::EnactmentNotDue
		);

		// Enacted in its enactment block, as signed by the track's account.
		run_to_block(enact_at);
		assert_eq!(final_result(add).enactment, Some(Ok(())));
		assert!(VoterRoll::<Test>::contains_key(EVE));
		System::assert_has_event(Event::Enacted { poll_id: add, result: Ok(()) }.into());
		assert_eq!(final_result(remark).enactment, Some(Ok(())));
		use sp_runtime::traits::Hash as _;
		System::assert_has_event(
			frame_system::Event::Remarked {
				sender: ADMIN,
				hash: <Test as frame_system::Config>::Hashing::hash(b"hello"),
			}
			.into(),
		);
		assert!(EnactmentsDue::<Test>::get(enact_at).is_empty());

		// A second enactment is refused.
		assert_noop!(Voting::enact(RuntimeOrigin::signed(EVE), add), Error::<Test>::AlreadyEnacted);
	});
}

#[test]
fn enact_runs_a_due_enactment_the_hook_missed_and_refuses_the_rest() {
	build_and_execute(|| {
		let passed = admin_poll(add_voter_call(EVE)).create();
		let failed = admin_poll(add_voter_call(DAVE)).create();
		let opinion = NewPoll::public(Electorate::TokenWeighted).create();
		vote(BOB, passed, 0);
		vote(CHARLIE, passed, 0);
		assert_noop!(
			Voting::enact(RuntimeOrigin::signed(EVE), passed),
			Error::<Test>::PollNotEnded
		);
		assert_noop!(Voting::enact(RuntimeOrigin::signed(EVE), 99), Error::<Test>::UnknownPoll);
		run_to_block(END);
		assert_noop!(Voting::enact(RuntimeOrigin::signed(EVE), failed), Error::<Test>::NotPassed);
		assert_noop!(Voting::enact(RuntimeOrigin::signed(EVE), opinion), Error::<Test>::NotPassed);
		// The failed poll gave up its place in the enactment block.
		assert_eq!(EnactmentsDue::<Test>::get(END + 5).into_inner(), vec![passed]);

		// As if the hook of the enactment block had not run: anyone may enact.
		System::set_block_number(END + 5);
		assert_ok!(Voting::enact(RuntimeOrigin::signed(EVE), passed));
		assert!(VoterRoll::<Test>::contains_key(EVE));
		assert!(EnactmentsDue::<Test>::get(END + 5).is_empty());
		assert_noop!(
			Voting::enact(RuntimeOrigin::signed(EVE), passed),
			Error::<Test>::AlreadyEnacted
		);
	});
}

#[test]
fn a_track_origin_can_do_nothing_outside_its_track() {
	build_and_execute(|| {
		use sp_runtime::traits::Dispatchable;
		let admin = || TestTracks::origin(ADMIN_TRACK).expect("the admin track has an origin");
		// Root-only calls fail with `BadOrigin` for the admin track's origin.
		let set_code = RuntimeCall::System(frame_system::Call::set_code { code: vec![1] });
		assert_eq!(set_code.dispatch(admin()).map_err(|e| e.error), Err(DispatchError::BadOrigin));
		let set_track = RuntimeCall::Voting(crate::Call::set_track {
			track: ADMIN_TRACK,
			info: open_track(Electorate::TokenWeighted),
		});
		assert_eq!(set_track.dispatch(admin()).map_err(|e| e.error), Err(DispatchError::BadOrigin));
		// Its own calls work.
		assert_ok!(add_voter_call(EVE).dispatch(admin()));
	});
}

#[test]
fn a_poll_cannot_carry_close_or_enact() {
	build_and_execute(|| {
		// `close` and `enact` declare their weight plus `MaxEnactmentWeight`, so no poll can
		// carry them (not even wrapped): a call cannot re-enter the closing or enactment of its
		// own poll. (Results are also stored before a call runs, as a second defence.)
		let next = NextPollId::<Test>::get();
		for call in [crate::Call::close { poll_id: next }, crate::Call::enact { poll_id: next }] {
			assert_noop!(
				NewPoll::public(Electorate::TokenWeighted)
					.on_track(SIGNED_TRACK, RuntimeCall::Voting(call))
					.dispatch(),
				Error::<Test>::CallTooHeavy
			);
		}
	});
}

#[test]
fn enactment_blocks_are_bounded() {
	build_and_execute(|| {
		// `MAX_POLLS_ENDING` polls close at `END` and are enacted at `END + 5`.
		for _ in 0..MAX_POLLS_ENDING {
			admin_poll(add_voter_call(EVE)).create();
		}
		// With a shorter delay a poll closing at `END + 1` would be enacted at `END + 5` too.
		let shorter = TrackInfo { enactment_delay: 4, ..admin_track() };
		assert_ok!(Voting::set_track(RuntimeOrigin::root(), ADMIN_TRACK, shorter));
		assert_noop!(
			admin_poll(add_voter_call(EVE)).ending(END + 1).dispatch(),
			Error::<Test>::TooManyEnactments
		);
	});
}

#[test]
fn set_track_is_for_the_highest_track_only_and_validated() {
	build_and_execute(|| {
		let lower = TrackInfo { min_turnout: Perbill::zero(), ..admin_track() };
		assert_noop!(
			Voting::set_track(RuntimeOrigin::signed(ALICE), ADMIN_TRACK, lower),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Voting::set_track(RuntimeOrigin::signed(ADMIN), ADMIN_TRACK, lower),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Voting::set_track(RuntimeOrigin::root(), 9, lower),
			Error::<Test>::UnknownTrack
		);
		for invalid in [
			TrackInfo { min_voting_period: MIN_PERIOD - 1, ..lower },
			TrackInfo { min_voting_period: MAX_PERIOD + 1, ..lower },
			TrackInfo { enactment_delay: MAX_PERIOD + 1, ..lower },
			TrackInfo { decision_deposit: DEPOSIT - 1, ..lower },
		] {
			assert_noop!(
				Voting::set_track(RuntimeOrigin::root(), ADMIN_TRACK, invalid),
				Error::<Test>::InvalidTrack
			);
		}
		// Open polls keep the rules they were created with.
		let before = admin_poll(add_voter_call(EVE)).create();
		assert_ok!(Voting::set_track(RuntimeOrigin::root(), ADMIN_TRACK, lower));
		System::assert_last_event(Event::TrackSet { track: ADMIN_TRACK, info: lower }.into());
		assert_eq!(Tracks::<Test>::get(ADMIN_TRACK), Some(lower));
		assert_eq!(Polls::<Test>::get(before).map(|info| info.quorum), Some(percent(20)));
		assert_ok!(admin_poll(add_voter_call(EVE)).with_rules(percent(0), percent(60)).dispatch());
		assert_eq!(Voting::tracks().len(), 5);
	});
}

// ---------------------------------------------------------------------------------------------
// Locks
// ---------------------------------------------------------------------------------------------

#[test]
fn unlock_releases_the_freeze_after_the_poll_closes() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		vote(BOB, poll_id, 0);
		assert_noop!(
			Voting::unlock(RuntimeOrigin::signed(BOB), BOB),
			Error::<Test>::NothingToUnlock
		);

		run_to_block(END);
		// Anyone can unlock anyone.
		assert_ok!(Voting::unlock(RuntimeOrigin::signed(EVE), BOB));

		assert_eq!(frozen(BOB), 0);
		assert!(locks(BOB).is_empty());
		assert!(!Voters::<Test>::contains_key(BOB));
		System::assert_last_event(Event::Unlocked { who: BOB, frozen: 0 }.into());
		// The ballot stays for the record.
		assert!(Ballots::<Test>::contains_key(poll_id, BOB));
	});
}

#[test]
fn the_freeze_is_the_largest_lock() {
	build_and_execute(|| {
		let first = NewPoll::public(Electorate::TokenWeighted).create();
		let second = NewPoll::public(Electorate::TokenWeighted).ending(20).create();
		vote(BOB, first, 0);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(CHARLIE), BOB, 1_000));
		vote(BOB, second, 0);
		assert_eq!(frozen(BOB), 10_990);

		run_to_block(END);
		assert_ok!(Voting::unlock(RuntimeOrigin::signed(BOB), BOB));
		assert_eq!(locks(BOB), vec![PollLock { poll_id: second, amount: 10_990, until: 20 }]);
		assert_eq!(frozen(BOB), 10_990);
		System::assert_last_event(Event::Unlocked { who: BOB, frozen: 10_990 }.into());

		run_to_block(20);
		assert_ok!(Voting::unlock(RuntimeOrigin::signed(BOB), BOB));
		assert_eq!(frozen(BOB), 0);
	});
}

#[test]
fn unlock_fails_without_locks_or_for_bad_origin() {
	build_and_execute(|| {
		assert_noop!(
			Voting::unlock(RuntimeOrigin::signed(BOB), CHARLIE),
			Error::<Test>::NothingToUnlock
		);
		assert_noop!(Voting::unlock(RuntimeOrigin::none(), CHARLIE), DispatchError::BadOrigin);
	});
}

// ---------------------------------------------------------------------------------------------
// Delegation
// ---------------------------------------------------------------------------------------------

#[test]
fn delegation_adds_power_to_the_delegate() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		assert_ok!(Voting::delegate(RuntimeOrigin::signed(CHARLIE), BOB));

		assert_eq!(record(CHARLIE).delegation, Some(Delegation { target: BOB, amount: 9_990 }));
		// The power is kept in the delegate's own record.
		assert_eq!(record(BOB).delegated_power, 9_990);
		assert!(record(BOB).delegation.is_none());
		assert_eq!(frozen(CHARLIE), 9_990);
		assert_eq!(Voting::voting_power(&BOB), 19_980);
		assert_eq!(Voting::voting_power(&CHARLIE), 0);
		System::assert_last_event(
			Event::Delegated { delegator: CHARLIE, target: BOB, amount: 9_990 }.into(),
		);

		vote(BOB, poll_id, 1);
		assert_eq!(tally(poll_id).totals, vec![0, 19_980, 0]);
		// The delegate freezes only its own balance.
		assert_eq!(frozen(BOB), 9_990);
	});
}

#[test]
fn a_delegator_cannot_vote_in_token_polls() {
	ExtBuilder::default().with_voters(&[CHARLIE]).build_and_execute(|| {
		let token = NewPoll::public(Electorate::TokenWeighted).create();
		let roll = NewPoll::public(Electorate::VoterRoll).create();
		assert_ok!(Voting::delegate(RuntimeOrigin::signed(CHARLIE), BOB));
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(CHARLIE), token, 0),
			Error::<Test>::Delegating
		);
		// Roll polls are unaffected.
		vote(CHARLIE, roll, 0);
	});
}

#[test]
fn delegate_fails_for_invalid_requests() {
	build_and_execute(|| {
		assert_noop!(
			Voting::delegate(RuntimeOrigin::signed(BOB), BOB),
			Error::<Test>::SelfDelegation
		);
		assert_noop!(
			Voting::delegate(RuntimeOrigin::signed(POOR), BOB),
			Error::<Test>::NoVotingPower
		);
		assert_noop!(Voting::delegate(RuntimeOrigin::none(), BOB), DispatchError::BadOrigin);

		assert_ok!(Voting::delegate(RuntimeOrigin::signed(CHARLIE), BOB));
		assert_noop!(
			Voting::delegate(RuntimeOrigin::signed(CHARLIE), DAVE),
			Error::<Test>::AlreadyDelegating
		);

		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		vote(DAVE, poll_id, 0);
		assert_noop!(
			Voting::delegate(RuntimeOrigin::signed(DAVE), BOB),
			Error::<Test>::HasActiveVotes
		);
		// Once the poll has closed, it can (even before unlocking).
		run_to_block(END);
		assert_ok!(Voting::delegate(RuntimeOrigin::signed(DAVE), BOB));
		assert_eq!(record(BOB).delegated_power, 2 * 9_990);
	});
}

#[test]
fn undelegate_releases_at_once_if_the_delegate_has_not_voted() {
	build_and_execute(|| {
		assert_ok!(Voting::delegate(RuntimeOrigin::signed(CHARLIE), BOB));
		assert_ok!(Voting::undelegate(RuntimeOrigin::signed(CHARLIE)));

		// Both records are empty again, so neither is stored.
		assert!(!Voters::<Test>::contains_key(CHARLIE));
		assert!(!Voters::<Test>::contains_key(BOB));
		assert_eq!(frozen(CHARLIE), 0);
		System::assert_last_event(
			Event::Undelegated {
				delegator: CHARLIE,
				target: BOB,
				amount: 9_990,
				locked_until: None,
			}
			.into(),
		);
	});
}

#[test]
fn undelegate_keeps_the_power_frozen_until_the_delegates_polls_close() {
	build_and_execute(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		assert_ok!(Voting::delegate(RuntimeOrigin::signed(CHARLIE), BOB));
		vote(BOB, poll_id, 0);

		assert_ok!(Voting::undelegate(RuntimeOrigin::signed(CHARLIE)));
		assert_eq!(
			record(CHARLIE).cooldown,
			Some(DelegationCooldown { amount: 9_990, until: END })
		);
		assert!(record(CHARLIE).delegation.is_none());
		assert_eq!(record(BOB).delegated_power, 0);
		assert_eq!(frozen(CHARLIE), 9_990);
		System::assert_last_event(
			Event::Undelegated {
				delegator: CHARLIE,
				target: BOB,
				amount: 9_990,
				locked_until: Some(END),
			}
			.into(),
		);
		// The power may be counted in BOB's ballot: CHARLIE cannot use it again yet.
		assert_noop!(
			Voting::vote(RuntimeOrigin::signed(CHARLIE), poll_id, 1),
			Error::<Test>::Delegating
		);
		assert_noop!(
			Voting::delegate(RuntimeOrigin::signed(CHARLIE), DAVE),
			Error::<Test>::Delegating
		);
		assert_noop!(
			Voting::unlock(RuntimeOrigin::signed(CHARLIE), CHARLIE),
			Error::<Test>::NothingToUnlock
		);
		assert_eq!(tally(poll_id).totals, vec![19_980, 0, 0]);

		run_to_block(END);
		assert_ok!(Voting::unlock(RuntimeOrigin::signed(CHARLIE), CHARLIE));
		assert_eq!(frozen(CHARLIE), 0);
		assert!(!Voters::<Test>::contains_key(CHARLIE));
		let next = NewPoll {
			schedule: Schedule { start: END, end: END + MIN_PERIOD, reveal_end: None },
			..NewPoll::public(Electorate::TokenWeighted)
		}
		.create();
		vote(CHARLIE, next, 0);
	});
}

#[test]
fn undelegate_fails_when_not_delegating() {
	build_and_execute(|| {
		assert_noop!(
			Voting::undelegate(RuntimeOrigin::signed(CHARLIE)),
			Error::<Test>::NotDelegating
		);
		assert_noop!(Voting::undelegate(RuntimeOrigin::none()), DispatchError::BadOrigin);
	});
}

// ---------------------------------------------------------------------------------------------
// Voter roll
// ---------------------------------------------------------------------------------------------

#[test]
fn genesis_puts_voters_on_the_roll() {
	ExtBuilder::default().with_voters(&[ALICE, BOB, ALICE]).build_and_execute(|| {
		assert_eq!(VoterRoll::<Test>::get(ALICE), Some(0));
		assert_eq!(VoterRoll::<Test>::get(BOB), Some(1));
		assert_eq!(VoterCount::<Test>::get(), 2);
		assert_eq!(NextRollTicket::<Test>::get(), 2);
	});
}

#[test]
fn add_and_remove_voter_work() {
	build_and_execute(|| {
		assert_ok!(Voting::add_voter(RuntimeOrigin::root(), BOB));
		assert_eq!(VoterRoll::<Test>::get(BOB), Some(0));
		assert_eq!(VoterCount::<Test>::get(), 1);
		System::assert_last_event(Event::VoterAdded { voter: BOB, ticket: 0 }.into());

		assert_ok!(Voting::remove_voter(RuntimeOrigin::root(), BOB));
		assert!(!VoterRoll::<Test>::contains_key(BOB));
		assert_eq!(VoterCount::<Test>::get(), 0);
		System::assert_last_event(Event::VoterRemoved { voter: BOB }.into());

		// Tickets are never reused.
		assert_ok!(Voting::add_voter(RuntimeOrigin::root(), BOB));
		assert_eq!(VoterRoll::<Test>::get(BOB), Some(1));
	});
}

#[test]
fn roll_calls_fail_for_invalid_requests() {
	build_and_execute(|| {
		assert_noop!(
			Voting::add_voter(RuntimeOrigin::signed(ALICE), BOB),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Voting::remove_voter(RuntimeOrigin::signed(ALICE), BOB),
			DispatchError::BadOrigin
		);
		assert_noop!(Voting::remove_voter(RuntimeOrigin::root(), BOB), Error::<Test>::NotOnRoll);
		add_voters(&[BOB]);
		assert_noop!(Voting::add_voter(RuntimeOrigin::root(), BOB), Error::<Test>::AlreadyOnRoll);
		NextRollTicket::<Test>::put(RollTicket::MAX);
		assert_noop!(Voting::add_voter(RuntimeOrigin::root(), CHARLIE), Error::<Test>::Overflow);
	});
}

#[test]
fn a_passed_poll_governs_the_roll() {
	ExtBuilder::default().with_voters(&[ALICE, BOB]).build_and_execute(|| {
		let remove = NewPoll::public(Electorate::VoterRoll)
			.with_call(RuntimeCall::Voting(crate::Call::remove_voter { voter: ALICE }))
			.create();
		vote(ALICE, remove, 0);
		vote(BOB, remove, 0);
		run_to_block(END);

		assert_eq!(final_result(remove).enactment, Some(Ok(())));
		assert!(!VoterRoll::<Test>::contains_key(ALICE));
		assert_eq!(VoterCount::<Test>::get(), 1);
	});
}

// ---------------------------------------------------------------------------------------------
// Queries and invariants
// ---------------------------------------------------------------------------------------------

#[test]
fn queries_return_the_stored_state() {
	ExtBuilder::default().with_voters(&[BOB]).build_and_execute(|| {
		assert!(Voting::poll_details(0).is_none());
		assert!(Voting::tally_of(0).is_none());
		assert!(Voting::result_of(0).is_none());
		assert!(Voting::ballot_of(0, &BOB).is_none());
		assert_eq!(Voting::voting_power(&BOB), 9_990);
		assert_eq!(Voting::voting_power(&POOR), 0);

		let poll_id = NewPoll::secret(Electorate::VoterRoll).create();
		commit(BOB, poll_id, 2, SALT);
		assert_eq!(
			Voting::ballot_of(poll_id, &BOB),
			Some(Ballot {
				vote: Vote::Secret {
					commitment: commitment(BOB, poll_id, 2, SALT),
					revealed: None
				},
				weight: 1,
			})
		);
		// The live tally of a secret poll shows commitments, not their options.
		assert_eq!(
			Voting::tally_of(poll_id),
			Some(Tally { totals: vec![0, 0, 0], turnout: 0, ballots: 1, revealed: 0 })
		);
		assert!(Voting::result_of(poll_id).is_none());
		run_to_block(REVEAL_END);
		assert_eq!(Voting::result_of(poll_id).map(|result| result.turnout), Some(0));
	});
}

#[test]
fn try_state_detects_corruption() {
	new_test_ext().execute_with(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		vote(BOB, poll_id, 0);
		assert_ok!(Voting::do_try_state());

		Tallies::<Test>::mutate(poll_id, |tally| {
			if let Some(tally) = tally {
				tally.turnout += 1;
			}
		});
		assert!(Voting::do_try_state().is_err());
	});

	new_test_ext().execute_with(|| {
		let poll_id = NewPoll::public(Electorate::TokenWeighted).create();
		vote(BOB, poll_id, 0);
		assert_ok!(Balances::thaw(&FreezeReason::PollVote.into(), &BOB));
		assert!(Voting::do_try_state().is_err());
	});

	new_test_ext().execute_with(|| {
		NewPoll::public(Electorate::TokenWeighted).create();
		PollsEndingAt::<Test>::remove(END);
		assert!(Voting::do_try_state().is_err());
	});

	new_test_ext().execute_with(|| {
		assert_ok!(Voting::delegate(RuntimeOrigin::signed(CHARLIE), BOB));
		assert_ok!(Voting::do_try_state());
		Voters::<Test>::mutate(BOB, |state| state.delegated_power += 1);
		assert!(Voting::do_try_state().is_err());
	});

	new_test_ext().execute_with(|| {
		Voters::<Test>::insert(BOB, VoterStateOf::<Test>::default());
		assert!(Voting::do_try_state().is_err());
	});
}

#[test]
fn integrity_test_passes() {
	new_test_ext().execute_with(|| {
		<Voting as Hooks<BlockNumber>>::integrity_test();
	});
}
