//! Tests of the credit pallet.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold},
		ConstU32,
	},
};
use sp_runtime::DispatchError;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const ALL_KINDS: [RecordKind; 7] = [
	RecordKind::CompletedDeal,
	RecordKind::OnTimePayment,
	RecordKind::LatePayment,
	RecordKind::Default,
	RecordKind::Damage,
	RecordKind::NoShow,
	RecordKind::Cancellation,
];

/// A distinct deal reference for each `n`.
fn deal(n: u32) -> [u8; 32] {
	let mut deal = [0u8; 32];
	deal[..4].copy_from_slice(&n.to_le_bytes());
	deal
}

fn name(bytes: &[u8]) -> BoundedVec<u8, ConstU32<MAX_NAME_LENGTH>> {
	BoundedVec::truncate_from(bytes.to_vec())
}

fn add_reporter(who: AccountId) {
	assert_ok!(Credit::add_reporter(RuntimeOrigin::root(), who, b"platform".to_vec()));
}

/// File a record by `PLATFORM` (registering it if needed) and return its id.
fn file(subject: AccountId, kind: RecordKind, weight: u32, n: u32) -> RecordId {
	file_by(PLATFORM, subject, kind, weight, n)
}

fn file_by(
	reporter: AccountId,
	subject: AccountId,
	kind: RecordKind,
	weight: u32,
	n: u32,
) -> RecordId {
	if Credit::reporter_info(&reporter).is_none() {
		add_reporter(reporter);
	}
	let id = NextRecordId::<Test>::get();
	assert_ok!(Credit::file_record(
		RuntimeOrigin::signed(reporter),
		subject,
		kind,
		weight,
		deal(n)
	));
	id
}

/// The lifetime record count of `reporter` (the length of its index), 0 without an entry.
fn lifetime_records(reporter: AccountId) -> u32 {
	Reporters::<Test>::get(reporter).map_or(0, |state| state.lifetime_records)
}

/// The dispute stored on record `id`.
fn dispute_of(id: RecordId) -> Option<Dispute<Balance, BlockNumber>> {
	Records::<Test>::get(id).and_then(|record| record.dispute)
}

/// The status of record `id`.
fn status_of(id: RecordId) -> Option<RecordStatus> {
	Records::<Test>::get(id).map(|record| record.status())
}

fn score(who: AccountId) -> u16 {
	Credit::score_of(&who)
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::DisputeDeposit.into(), &who)
}

fn free(who: AccountId) -> Balance {
	Balances::balance(&who)
}

fn credit_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Credit(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn score_changed_events() -> Vec<(AccountId, u16)> {
	credit_events()
		.into_iter()
		.filter_map(|event| match event {
			Event::ScoreChanged { who, score } => Some((who, score)),
			_ => None,
		})
		.collect()
}

fn assert_recompute_matches(who: AccountId) {
	let now = System::block_number();
	assert_eq!(Credit::recompute_score_from_records(&who, now), Credit::score_details(&who));
}

// ---------------------------------------------------------------------------------------------
// Reporters
// ---------------------------------------------------------------------------------------------

#[test]
fn add_reporter_works() {
	build_and_execute(|| {
		assert_ok!(Credit::add_reporter(RuntimeOrigin::root(), PLATFORM, b"ride".to_vec()));

		assert_eq!(
			Reporters::<Test>::get(PLATFORM),
			Some(ReporterState {
				lifetime_records: 0,
				info: Some(ReporterInfo { name: name(b"ride"), added_at: 1, records_filed: 0 }),
			})
		);
		System::assert_last_event(
			Event::ReporterAdded { reporter: PLATFORM, name: name(b"ride") }.into(),
		);
		assert_eq!(
			Credit::reporter_info(&PLATFORM),
			Some(ReporterInfo { name: b"ride".to_vec(), added_at: 1, records_filed: 0 })
		);
	});
}

#[test]
fn add_reporter_accepts_a_name_of_maximal_length() {
	build_and_execute(|| {
		let long = vec![b'x'; MAX_NAME_LENGTH as usize];
		assert_ok!(Credit::add_reporter(RuntimeOrigin::root(), PLATFORM, long.clone()));
		assert_eq!(Credit::reporter_info(&PLATFORM).map(|info| info.name), Some(long));
	});
}

#[test]
fn add_reporter_fails_for_bad_origin() {
	build_and_execute(|| {
		assert_noop!(
			Credit::add_reporter(RuntimeOrigin::signed(ALICE), PLATFORM, b"ride".to_vec()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn add_reporter_fails_for_existing_reporter() {
	build_and_execute(|| {
		add_reporter(PLATFORM);
		assert_noop!(
			Credit::add_reporter(RuntimeOrigin::root(), PLATFORM, b"again".to_vec()),
			Error::<Test>::AlreadyReporter
		);
	});
}

#[test]
fn add_reporter_fails_for_long_name() {
	build_and_execute(|| {
		let too_long = vec![b'x'; MAX_NAME_LENGTH as usize + 1];
		assert_noop!(
			Credit::add_reporter(RuntimeOrigin::root(), PLATFORM, too_long),
			Error::<Test>::NameTooLong
		);
	});
}

#[test]
fn remove_reporter_works_and_keeps_records() {
	build_and_execute(|| {
		let first = file(ALICE, RecordKind::CompletedDeal, 3, 1);
		let second = file(BOB, RecordKind::LatePayment, 1, 2);
		let alice_page = Credit::records_page(&ALICE, 0);
		let platform_page = Credit::reporter_records_page(&PLATFORM, 0);

		assert_ok!(Credit::remove_reporter(RuntimeOrigin::root(), PLATFORM));

		System::assert_last_event(Event::ReporterRemoved { reporter: PLATFORM }.into());
		// Only the lifetime record count stays, for the reporter's index.
		assert_eq!(
			Reporters::<Test>::get(PLATFORM),
			Some(ReporterState { lifetime_records: 2, info: None })
		);
		assert_eq!(Credit::reporter_info(&PLATFORM), None);
		// Records, indexes and scores are untouched.
		assert!(Records::<Test>::contains_key(first));
		assert!(Records::<Test>::contains_key(second));
		assert_eq!(Credit::records_page(&ALICE, 0), alice_page);
		assert_eq!(Credit::reporter_records_page(&PLATFORM, 0), platform_page);
		assert_eq!(score(ALICE), 530);
		assert_eq!(score(BOB), 490);
		// A removed reporter cannot file any more.
		assert_noop!(
			Credit::file_record(
				RuntimeOrigin::signed(PLATFORM),
				ALICE,
				RecordKind::CompletedDeal,
				1,
				deal(3)
			),
			Error::<Test>::NotReporter
		);
	});
}

#[test]
fn re_added_reporter_restarts_records_filed_but_keeps_its_index() {
	build_and_execute(|| {
		file(ALICE, RecordKind::CompletedDeal, 1, 1);
		file(ALICE, RecordKind::CompletedDeal, 1, 2);
		assert_ok!(Credit::remove_reporter(RuntimeOrigin::root(), PLATFORM));
		run_to_block(5);
		add_reporter(PLATFORM);

		let info = Credit::reporter_info(&PLATFORM).expect("re-added");
		assert_eq!((info.added_at, info.records_filed), (5, 0));
		assert_eq!(lifetime_records(PLATFORM), 2);
		let third = file(ALICE, RecordKind::CompletedDeal, 1, 3);
		assert_eq!(Credit::reporter_info(&PLATFORM).map(|info| info.records_filed), Some(1));
		assert_eq!(lifetime_records(PLATFORM), 3);
		assert_eq!(ReporterRecords::<Test>::get(PLATFORM, 2), Some(third));
		let page = Credit::reporter_records_page(&PLATFORM, 0);
		assert_eq!(page.total, 3);
		assert_eq!(page.records.iter().map(|entry| entry.id).collect::<Vec<_>>(), vec![0, 1, 2]);
		// The old deals are still taken.
		assert_noop!(
			Credit::file_record(
				RuntimeOrigin::signed(PLATFORM),
				ALICE,
				RecordKind::CompletedDeal,
				1,
				deal(1)
			),
			Error::<Test>::DuplicateRecord
		);
	});
}

#[test]
fn remove_reporter_fails_for_bad_origin() {
	build_and_execute(|| {
		add_reporter(PLATFORM);
		assert_noop!(
			Credit::remove_reporter(RuntimeOrigin::signed(ALICE), PLATFORM),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn remove_reporter_fails_for_non_reporter() {
	build_and_execute(|| {
		assert_noop!(
			Credit::remove_reporter(RuntimeOrigin::root(), PLATFORM),
			Error::<Test>::NotReporter
		);
		// Nor can a removed reporter be removed again, although its entry stays.
		file(ALICE, RecordKind::CompletedDeal, 1, 1);
		assert_ok!(Credit::remove_reporter(RuntimeOrigin::root(), PLATFORM));
		assert!(Reporters::<Test>::contains_key(PLATFORM));
		assert_noop!(
			Credit::remove_reporter(RuntimeOrigin::root(), PLATFORM),
			Error::<Test>::NotReporter
		);
	});
}

#[test]
fn removed_reporter_without_records_leaves_no_entry() {
	build_and_execute(|| {
		add_reporter(PLATFORM);
		assert_ok!(Credit::remove_reporter(RuntimeOrigin::root(), PLATFORM));
		assert_eq!(Reporters::<Test>::get(PLATFORM), None);
		assert_eq!(Credit::reporter_info(&PLATFORM), None);
		assert_eq!(Credit::reporter_records_page(&PLATFORM, 0).total, 0);

		// Added again, it starts from scratch.
		run_to_block(3);
		add_reporter(PLATFORM);
		assert_eq!(
			Credit::reporter_info(&PLATFORM),
			Some(ReporterInfo { name: b"platform".to_vec(), added_at: 3, records_filed: 0 })
		);
		let id = file(ALICE, RecordKind::CompletedDeal, 1, 1);
		assert_eq!(ReporterRecords::<Test>::get(PLATFORM, 0), Some(id));
		assert_eq!(lifetime_records(PLATFORM), 1);
	});
}

#[test]
fn re_added_reporter_gets_its_new_name() {
	build_and_execute(|| {
		file(ALICE, RecordKind::CompletedDeal, 1, 1);
		assert_ok!(Credit::remove_reporter(RuntimeOrigin::root(), PLATFORM));
		assert_ok!(Credit::add_reporter(RuntimeOrigin::root(), PLATFORM, b"renamed".to_vec()));
		System::assert_last_event(
			Event::ReporterAdded { reporter: PLATFORM, name: name(b"renamed") }.into(),
		);
		assert_eq!(
			Reporters::<Test>::get(PLATFORM),
			Some(ReporterState {
				lifetime_records: 1,
				info: Some(ReporterInfo { name: name(b"renamed"), added_at: 1, records_filed: 0 }),
			})
		);
		// A failing re-registration keeps the removed reporter's entry as it was.
		assert_ok!(Credit::remove_reporter(RuntimeOrigin::root(), PLATFORM));
		let too_long = vec![b'x'; MAX_NAME_LENGTH as usize + 1];
		assert_noop!(
			Credit::add_reporter(RuntimeOrigin::root(), PLATFORM, too_long),
			Error::<Test>::NameTooLong
		);
		assert_eq!(lifetime_records(PLATFORM), 1);
	});
}

// ---------------------------------------------------------------------------------------------
// Filing records
// ---------------------------------------------------------------------------------------------

#[test]
fn file_record_works() {
	build_and_execute(|| {
		add_reporter(PLATFORM);
		assert_ok!(Credit::file_record(
			RuntimeOrigin::signed(PLATFORM),
			ALICE,
			RecordKind::CompletedDeal,
			3,
			deal(7)
		));

		let record = Record {
			subject: ALICE,
			reporter: PLATFORM,
			kind: RecordKind::CompletedDeal,
			weight: 3,
			deal: deal(7),
			filed_at: 1,
			status: RecordStatus::Active,
		};
		let stored: RecordOf<Test> = StoredRecord {
			subject: ALICE,
			reporter: PLATFORM,
			kind: RecordKind::CompletedDeal,
			weight: 3,
			deal: deal(7),
			filed_at: 1,
			dispute: None,
		};
		assert_eq!(Records::<Test>::get(0), Some(stored.clone()));
		assert_eq!(stored.into_record(), record);
		assert_eq!(NextRecordId::<Test>::get(), 1);
		assert_eq!(ScoreStates::<Test>::get(ALICE).records, 1);
		assert_eq!(SubjectRecords::<Test>::get(ALICE, 0), Some(0));
		assert_eq!(lifetime_records(PLATFORM), 1);
		assert_eq!(ReporterRecords::<Test>::get(PLATFORM, 0), Some(0));
		assert_eq!(DealRecords::<Test>::get((PLATFORM, ALICE, deal(7))), Some(0));
		assert_eq!(Credit::reporter_info(&PLATFORM).map(|info| info.records_filed), Some(1));

		System::assert_has_event(
			Event::RecordFiled {
				record_id: 0,
				subject: ALICE,
				reporter: PLATFORM,
				kind: RecordKind::CompletedDeal,
				weight: 3,
				deal: deal(7),
			}
			.into(),
		);
		System::assert_last_event(Event::ScoreChanged { who: ALICE, score: 530 }.into());
		assert_eq!(score(ALICE), 530);
		assert_eq!(Credit::records_page(&ALICE, 0).records, vec![RecordEntry { id: 0, record }]);
	});
}

#[test]
fn same_deal_may_be_reported_for_other_subjects_and_by_other_reporters() {
	build_and_execute(|| {
		let first = file_by(PLATFORM, ALICE, RecordKind::CompletedDeal, 1, 1);
		let second = file_by(PLATFORM, BOB, RecordKind::CompletedDeal, 1, 1);
		let third = file_by(OTHER_PLATFORM, ALICE, RecordKind::CompletedDeal, 1, 1);
		assert_eq!((first, second, third), (0, 1, 2));
		assert_eq!(score(ALICE), 520);
		assert_eq!(score(BOB), 510);
	});
}

#[test]
fn file_record_fails_for_unsigned_origin() {
	build_and_execute(|| {
		add_reporter(PLATFORM);
		assert_noop!(
			Credit::file_record(
				RuntimeOrigin::root(),
				ALICE,
				RecordKind::CompletedDeal,
				1,
				deal(1)
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn file_record_fails_for_non_reporter() {
	build_and_execute(|| {
		assert_noop!(
			Credit::file_record(
				RuntimeOrigin::signed(BOB),
				ALICE,
				RecordKind::CompletedDeal,
				1,
				deal(1)
			),
			Error::<Test>::NotReporter
		);
	});
}

#[test]
fn file_record_fails_for_self_report() {
	build_and_execute(|| {
		add_reporter(PLATFORM);
		assert_noop!(
			Credit::file_record(
				RuntimeOrigin::signed(PLATFORM),
				PLATFORM,
				RecordKind::CompletedDeal,
				1,
				deal(1)
			),
			Error::<Test>::SelfReport
		);
	});
}

#[test]
fn file_record_fails_for_invalid_weight() {
	build_and_execute(|| {
		add_reporter(PLATFORM);
		for weight in [0, MAX_RECORD_WEIGHT + 1, u32::MAX] {
			assert_noop!(
				Credit::file_record(
					RuntimeOrigin::signed(PLATFORM),
					ALICE,
					RecordKind::CompletedDeal,
					weight,
					deal(1)
				),
				Error::<Test>::InvalidWeight
			);
		}
		// Both bounds are inclusive.
		file(ALICE, RecordKind::CompletedDeal, 1, 1);
		file(ALICE, RecordKind::CompletedDeal, MAX_RECORD_WEIGHT, 2);
	});
}

#[test]
fn file_record_fails_for_duplicate_deal() {
	build_and_execute(|| {
		file(ALICE, RecordKind::CompletedDeal, 1, 1);
		assert_noop!(
			Credit::file_record(
				RuntimeOrigin::signed(PLATFORM),
				ALICE,
				RecordKind::LatePayment,
				2,
				deal(1)
			),
			Error::<Test>::DuplicateRecord
		);
	});
}

#[test]
fn file_record_fails_when_record_ids_are_exhausted() {
	build_and_execute(|| {
		add_reporter(PLATFORM);
		NextRecordId::<Test>::put(RecordId::MAX);
		assert_noop!(
			Credit::file_record(
				RuntimeOrigin::signed(PLATFORM),
				ALICE,
				RecordKind::CompletedDeal,
				1,
				deal(1)
			),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn file_record_fails_when_a_bucket_would_overflow() {
	// The forged score state breaks the invariants, so no `try_state` here.
	new_test_ext().execute_with(|| {
		add_reporter(PLATFORM);
		let state = ScoreState {
			buckets: BoundedVec::truncate_from(vec![(0, i64::MAX)]),
			..Default::default()
		};
		ScoreStates::<Test>::insert(ALICE, state);
		assert_noop!(
			Credit::file_record(
				RuntimeOrigin::signed(PLATFORM),
				ALICE,
				RecordKind::CompletedDeal,
				1,
				deal(1)
			),
			Error::<Test>::Overflow
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Score
// ---------------------------------------------------------------------------------------------

#[test]
fn fresh_account_is_neutral() {
	build_and_execute(|| {
		assert_eq!(
			Credit::score_details(&ALICE),
			ScoreDetails {
				score: 500,
				raw_points: 0,
				active_positive: 0,
				active_negative: 0,
				disputed: 0,
				overturned: 0,
				epoch: 0,
			}
		);
	});
}

#[test]
fn one_completed_deal_of_weight_three_scores_530() {
	build_and_execute(|| {
		file(ALICE, RecordKind::CompletedDeal, 3, 1);
		assert_eq!(
			Credit::score_details(&ALICE),
			ScoreDetails {
				score: 530,
				raw_points: 30,
				active_positive: 1,
				active_negative: 0,
				disputed: 0,
				overturned: 0,
				epoch: 0,
			}
		);
	});
}

#[test]
fn kinds_are_worth_their_points() {
	let expected = [10, 5, -10, -50, -25, -15, -5];
	for (kind, points) in ALL_KINDS.iter().zip(expected) {
		assert_eq!(kind.points(), points);
		assert_eq!(kind.is_positive(), points > 0);
		assert_eq!(kind.weighted_points(3), Some(points * 3));
	}
	build_and_execute(|| {
		for (n, kind) in ALL_KINDS.iter().enumerate() {
			let subject = 100 + n as AccountId;
			file(subject, *kind, 2, 1);
			assert_eq!(i64::from(score(subject)), 500 + 2 * kind.points());
		}
	});
}

#[test]
fn mixed_kinds_add_up() {
	build_and_execute(|| {
		file(ALICE, RecordKind::CompletedDeal, 3, 1); // +30
		file(ALICE, RecordKind::OnTimePayment, 2, 2); // +10
		file(ALICE, RecordKind::LatePayment, 1, 3); // -10
		file(ALICE, RecordKind::Cancellation, 2, 4); // -10
		file(ALICE, RecordKind::NoShow, 1, 5); // -15
		file(ALICE, RecordKind::Damage, 1, 6); // -25
		let details = Credit::score_details(&ALICE);
		assert_eq!((details.score, details.raw_points), (480, -20));
		assert_eq!((details.active_positive, details.active_negative), (2, 4));

		file(ALICE, RecordKind::Default, 1, 7); // -50
		assert_eq!(score(ALICE), 430);
		System::assert_last_event(Event::ScoreChanged { who: ALICE, score: 430 }.into());
	});
}

#[test]
fn score_is_clamped_at_1000() {
	build_and_execute(|| {
		for n in 0..6 {
			file(ALICE, RecordKind::CompletedDeal, MAX_RECORD_WEIGHT, n);
		}
		let details = Credit::score_details(&ALICE);
		assert_eq!((details.score, details.raw_points), (1000, 600));

		// A further positive record does not change the clamped score: no event.
		System::reset_events();
		file(ALICE, RecordKind::CompletedDeal, 1, 6);
		assert_eq!(score(ALICE), 1000);
		assert_eq!(score_changed_events(), vec![]);
	});
}

#[test]
fn score_is_clamped_at_0() {
	build_and_execute(|| {
		file(ALICE, RecordKind::Default, MAX_RECORD_WEIGHT, 1);
		assert_eq!(score(ALICE), 0);
		file(ALICE, RecordKind::Default, MAX_RECORD_WEIGHT, 2);
		file(ALICE, RecordKind::Default, MAX_RECORD_WEIGHT, 3);
		let details = Credit::score_details(&ALICE);
		assert_eq!((details.score, details.raw_points), (0, -1500));
	});
}

#[test]
fn positive_points_halve_every_epoch_and_expire_after_16() {
	build_and_execute(|| {
		file(ALICE, RecordKind::CompletedDeal, 3, 1);
		assert_eq!(score(ALICE), 530);

		run_to_block(DECAY_PERIOD); // epoch 1: 30 / 2
		assert_eq!(Credit::score_details(&ALICE).epoch, 1);
		assert_eq!(score(ALICE), 515);

		run_to_block(2 * DECAY_PERIOD); // epoch 2: 30 / 4 = 7.5
		assert_eq!(Credit::score_details(&ALICE).raw_points, 7);
		assert_eq!(score(ALICE), 507);

		run_to_block(15 * DECAY_PERIOD); // epoch 15: 30 / 32768
		assert_eq!(score(ALICE), 500);

		run_to_block(16 * DECAY_PERIOD); // epoch 16: gone
		let details = Credit::score_details(&ALICE);
		assert_eq!((details.score, details.raw_points, details.epoch), (500, 0, 16));
		// The record still exists and is still active.
		assert_eq!(details.active_positive, 1);
		assert_recompute_matches(ALICE);
	});
}

#[test]
fn negative_points_decay_with_floor_towards_minus_infinity() {
	build_and_execute(|| {
		file(ALICE, RecordKind::Cancellation, 1, 1); // -5
		assert_eq!(score(ALICE), 495);

		run_to_block(DECAY_PERIOD); // -2.5 floors to -3
		assert_eq!(Credit::score_details(&ALICE).raw_points, -3);
		assert_eq!(score(ALICE), 497);

		run_to_block(2 * DECAY_PERIOD); // -1.25 floors to -2
		assert_eq!(score(ALICE), 498);

		run_to_block(15 * DECAY_PERIOD); // -5 / 32768 floors to -1
		assert_eq!(score(ALICE), 499);

		run_to_block(16 * DECAY_PERIOD + 99); // last block of epoch 16: gone
		assert_eq!(score(ALICE), 500);
		assert_recompute_matches(ALICE);
	});
}

#[test]
fn worked_example_of_the_docs() {
	build_and_execute(|| {
		run_to_block(50);
		file(ALICE, RecordKind::CompletedDeal, 3, 1); // epoch 0
		run_to_block(120);
		file(ALICE, RecordKind::LatePayment, 1, 2); // epoch 1
		run_to_block(250); // epoch 2: 30/4 - 10/2 = 2.5
		let details = Credit::score_details(&ALICE);
		assert_eq!((details.score, details.raw_points, details.epoch), (502, 2, 2));

		// Epoch 16: the first record is gone, the second is -10 / 2^15, floored to -1.
		run_to_block(16 * DECAY_PERIOD);
		assert_eq!(score(ALICE), 499);
		// Epoch 17: both are gone.
		run_to_block(17 * DECAY_PERIOD);
		assert_eq!(score(ALICE), 500);
	});
}

#[test]
fn sum_is_floored_once_not_per_record() {
	build_and_execute(|| {
		// Two -5 records, two epochs old: -1.25 each. Per-record flooring would give -4,
		// the exact sum -2.5 floors to -3.
		file(ALICE, RecordKind::Cancellation, 1, 1);
		file(ALICE, RecordKind::Cancellation, 1, 2);
		run_to_block(2 * DECAY_PERIOD);
		assert_eq!(Credit::score_details(&ALICE).raw_points, -3);
		assert_eq!(score(ALICE), 497);
	});
}

#[test]
fn filing_prunes_buckets_outside_the_window() {
	build_and_execute(|| {
		file(ALICE, RecordKind::CompletedDeal, 1, 1); // epoch 0
		run_to_block(3 * DECAY_PERIOD);
		file(ALICE, RecordKind::CompletedDeal, 2, 2); // epoch 3
		assert_eq!(ScoreStates::<Test>::get(ALICE).buckets.to_vec(), vec![(0, 10), (3, 20)]);

		run_to_block(20 * DECAY_PERIOD);
		file(ALICE, RecordKind::OnTimePayment, 1, 3); // epoch 20: window 5..=20
		assert_eq!(ScoreStates::<Test>::get(ALICE).buckets.to_vec(), vec![(20, 5)]);
		assert_eq!(score(ALICE), 505);
		assert_eq!(Credit::score_details(&ALICE).active_positive, 3);
	});
}

#[test]
fn buckets_are_bounded_by_the_window() {
	build_and_execute(|| {
		for epoch in 0..40u32 {
			run_to_block(u64::from(epoch) * DECAY_PERIOD + 1);
			file(ALICE, RecordKind::CompletedDeal, 1, epoch);
			let buckets = ScoreStates::<Test>::get(ALICE).buckets;
			assert!(buckets.len() <= DECAY_EPOCHS as usize);
			assert_eq!(buckets.first().map(|bucket| bucket.0), Some(window_start(epoch)));
			assert_recompute_matches(ALICE);
		}
		// 10 * (1 + 1/2 + ... + 1/2^15) = 19.99..., floored.
		assert_eq!(score(ALICE), 519);
	});
}

#[test]
fn cancelling_points_drop_the_bucket() {
	build_and_execute(|| {
		file(ALICE, RecordKind::CompletedDeal, 5, 1); // +50
		let default = file(ALICE, RecordKind::Default, 1, 2); // -50
		assert_eq!(score(ALICE), 500);
		assert!(ScoreStates::<Test>::get(ALICE).buckets.is_empty());
		assert_eq!(
			score_changed_events(),
			vec![(ALICE, 550), (ALICE, 500)],
			"both filings changed the score"
		);

		// Disputing the negative record recreates the bucket.
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), default));
		assert_eq!(ScoreStates::<Test>::get(ALICE).buckets.to_vec(), vec![(0, 50)]);
		assert_eq!(score(ALICE), 550);
	});
}

#[test]
fn score_does_not_depend_on_the_order_of_changes() {
	build_and_execute(|| {
		// Alice: file A (epoch 0), file B (epoch 1), dispute A, uphold A.
		// Bob:   file A (epoch 0), dispute A, file B (epoch 1), uphold A.
		let alice_a = file(ALICE, RecordKind::Damage, 3, 1);
		let bob_a = file(BOB, RecordKind::Damage, 3, 2);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(BOB), bob_a));
		run_to_block(DECAY_PERIOD + 10);
		file(ALICE, RecordKind::OnTimePayment, 7, 3);
		file(BOB, RecordKind::OnTimePayment, 7, 4);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), alice_a));
		run_to_block(3 * DECAY_PERIOD);
		assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), alice_a, false));
		assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), bob_a, false));

		// Epoch 3: -75/8 + 35/4 = -0.625, floored to -1.
		let alice = Credit::score_details(&ALICE);
		assert_eq!((alice.score, alice.raw_points), (499, -1));
		assert_eq!(alice, Credit::score_details(&BOB));
	});
}

// ---------------------------------------------------------------------------------------------
// Disputes
// ---------------------------------------------------------------------------------------------

#[test]
fn dispute_works() {
	build_and_execute(|| {
		let id = file(ALICE, RecordKind::Default, 2, 1);
		assert_eq!(score(ALICE), 400);

		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), id));

		assert_eq!(status_of(id), Some(RecordStatus::Disputed));
		assert_eq!(
			dispute_of(id),
			Some(Dispute { deposit: DEPOSIT, opened_at: 1, resolution: None })
		);
		assert_eq!(held(ALICE), DEPOSIT);
		assert_eq!(free(ALICE), ENDOWMENT - DEPOSIT);
		System::assert_has_event(
			Event::RecordDisputed { record_id: id, subject: ALICE, deposit: DEPOSIT }.into(),
		);
		System::assert_last_event(Event::ScoreChanged { who: ALICE, score: 500 }.into());
		let details = Credit::score_details(&ALICE);
		assert_eq!(
			(details.score, details.active_negative, details.disputed, details.overturned),
			(500, 0, 1, 0)
		);
	});
}

#[test]
fn dispute_fails_for_unsigned_origin() {
	build_and_execute(|| {
		let id = file(ALICE, RecordKind::Default, 1, 1);
		assert_noop!(Credit::dispute(RuntimeOrigin::root(), id), DispatchError::BadOrigin);
	});
}

#[test]
fn dispute_fails_for_unknown_record() {
	build_and_execute(|| {
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(ALICE), 42),
			Error::<Test>::UnknownRecord
		);
	});
}

#[test]
fn dispute_fails_for_non_subject() {
	build_and_execute(|| {
		let id = file(ALICE, RecordKind::Default, 1, 1);
		assert_noop!(Credit::dispute(RuntimeOrigin::signed(BOB), id), Error::<Test>::NotSubject);
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(PLATFORM), id),
			Error::<Test>::NotSubject
		);
	});
}

#[test]
fn dispute_fails_for_a_record_disputed_before() {
	build_and_execute(|| {
		let id = file(ALICE, RecordKind::Default, 1, 1);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), id));
		// While open.
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::AlreadyDisputed
		);
		// After the arbiter upheld it.
		assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), id, false));
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::AlreadyDisputed
		);
		// After the arbiter overturned another one.
		let other = file(ALICE, RecordKind::Default, 1, 2);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), other));
		assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), other, true));
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(ALICE), other),
			Error::<Test>::AlreadyDisputed
		);
	});
}

#[test]
fn dispute_fails_without_funds_for_the_deposit() {
	build_and_execute(|| {
		let id = file(POOR, RecordKind::Default, 1, 1);
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(POOR), id),
			Error::<Test>::InsufficientBalance
		);
		assert_eq!(held(POOR), 0);
		assert_eq!(free(POOR), POOR_ENDOWMENT);
	});
}

#[test]
fn upheld_dispute_restores_points_and_slashes_part_of_the_deposit() {
	build_and_execute(|| {
		let id = file(ALICE, RecordKind::Default, 2, 1);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(score(ALICE), 500);
		let issuance = Balances::total_issuance();
		run_to_block(7);

		assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), id, false));

		// 20% of 100 slashed (burnt), the rest released.
		let slashed = 20;
		assert_eq!(held(ALICE), 0);
		assert_eq!(free(ALICE), ENDOWMENT - slashed);
		assert_eq!(Balances::total_issuance(), issuance - slashed);
		assert_eq!(status_of(id), Some(RecordStatus::Active));
		assert_eq!(
			dispute_of(id),
			Some(Dispute {
				deposit: DEPOSIT,
				opened_at: 1,
				resolution: Some((Resolution::Upheld, 7)),
			})
		);
		System::assert_has_event(Event::DisputeUpheld { record_id: id, slashed }.into());
		System::assert_last_event(Event::ScoreChanged { who: ALICE, score: 400 }.into());
		let details = Credit::score_details(&ALICE);
		assert_eq!((details.score, details.active_negative, details.disputed), (400, 1, 0));
	});
}

#[test]
fn overturned_dispute_keeps_points_out_and_releases_the_deposit() {
	build_and_execute(|| {
		let id = file(ALICE, RecordKind::Default, 2, 1);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), id));
		let issuance = Balances::total_issuance();
		run_to_block(9);
		System::reset_events();

		assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), id, true));

		assert_eq!(held(ALICE), 0);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert_eq!(Balances::total_issuance(), issuance);
		assert_eq!(status_of(id), Some(RecordStatus::Overturned));
		assert_eq!(
			dispute_of(id).and_then(|dispute| dispute.resolution),
			Some((Resolution::Overturned, 9))
		);
		System::assert_last_event(Event::DisputeOverturned { record_id: id }.into());
		// The score was already 500 while disputed: no change, no event.
		assert_eq!(score_changed_events(), vec![]);
		let details = Credit::score_details(&ALICE);
		assert_eq!(
			(details.score, details.active_negative, details.disputed, details.overturned),
			(500, 0, 0, 1)
		);
		// The record stays in the history.
		assert_eq!(Credit::records_page(&ALICE, 0).total, 1);
	});
}

#[test]
fn several_open_disputes_hold_separate_deposits() {
	build_and_execute(|| {
		let first = file(ALICE, RecordKind::Damage, 1, 1);
		let second = file(ALICE, RecordKind::NoShow, 1, 2);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), first));
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), second));
		assert_eq!(held(ALICE), 2 * DEPOSIT);

		assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), first, false));
		assert_eq!(held(ALICE), DEPOSIT);
		assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), second, true));
		assert_eq!(held(ALICE), 0);
		assert_eq!(free(ALICE), ENDOWMENT - 20);
		assert_eq!(score(ALICE), 475);
	});
}

#[test]
fn disputes_outside_the_window_do_not_change_the_score() {
	build_and_execute(|| {
		let old = file(ALICE, RecordKind::Default, 1, 1);
		let recent = file(ALICE, RecordKind::Damage, 1, 2);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), recent));
		assert_eq!(score(ALICE), 450);

		run_to_block(16 * DECAY_PERIOD);
		assert_eq!(score(ALICE), 500);
		System::reset_events();
		// The old record no longer counts: disputing and upholding it changes nothing.
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), old));
		assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), old, false));
		// Upholding a record disputed inside the window but resolved outside of it neither.
		assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), recent, false));
		assert_eq!(score(ALICE), 500);
		assert_eq!(score_changed_events(), vec![]);
		assert_eq!(Credit::score_details(&ALICE).active_negative, 2);
		assert_recompute_matches(ALICE);
	});
}

#[test]
fn resolve_dispute_fails_for_bad_origin() {
	build_and_execute(|| {
		let id = file(ALICE, RecordKind::Default, 1, 1);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), id));
		assert_noop!(
			Credit::resolve_dispute(RuntimeOrigin::signed(ALICE), id, true),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn resolve_dispute_fails_for_unknown_record() {
	build_and_execute(|| {
		assert_noop!(
			Credit::resolve_dispute(RuntimeOrigin::root(), 42, true),
			Error::<Test>::UnknownRecord
		);
	});
}

#[test]
fn resolve_dispute_fails_without_open_dispute() {
	build_and_execute(|| {
		let id = file(ALICE, RecordKind::Default, 1, 1);
		// Never disputed.
		assert_noop!(
			Credit::resolve_dispute(RuntimeOrigin::root(), id, false),
			Error::<Test>::NotDisputed
		);
		// Already resolved.
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(ALICE), id));
		assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), id, true));
		assert_noop!(
			Credit::resolve_dispute(RuntimeOrigin::root(), id, false),
			Error::<Test>::NotDisputed
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

#[test]
fn records_are_paged_oldest_first() {
	build_and_execute(|| {
		for n in 0..120 {
			// Interleave a second reporter so the reporter index differs from the subject one.
			file_by(PLATFORM, ALICE, RecordKind::OnTimePayment, 1, n);
			file_by(OTHER_PLATFORM, BOB, RecordKind::OnTimePayment, 1, n);
		}
		let ids = |page: &RecordPage<AccountId, BlockNumber>| {
			page.records.iter().map(|entry| entry.id).collect::<Vec<_>>()
		};

		let first = Credit::records_page(&ALICE, 0);
		assert_eq!((first.page, first.page_size, first.total), (0, RECORDS_PAGE_SIZE, 120));
		assert_eq!(ids(&first), (0..50).map(|n| 2 * n).collect::<Vec<_>>());
		assert!(first.records.iter().all(|entry| entry.record.subject == ALICE));

		let second = Credit::records_page(&ALICE, 1);
		assert_eq!(ids(&second), (50..100).map(|n| 2 * n).collect::<Vec<_>>());
		let third = Credit::records_page(&ALICE, 2);
		assert_eq!(ids(&third), (100..120).map(|n| 2 * n).collect::<Vec<_>>());
		assert!(Credit::records_page(&ALICE, 3).records.is_empty());
		assert!(Credit::records_page(&ALICE, u32::MAX).records.is_empty());

		let reporter_page = Credit::reporter_records_page(&OTHER_PLATFORM, 2);
		assert_eq!(reporter_page.total, 120);
		assert_eq!(ids(&reporter_page), (100..120).map(|n| 2 * n + 1).collect::<Vec<_>>());

		let empty = Credit::records_page(&POOR, 0);
		assert_eq!((empty.total, empty.records.len()), (0, 0));
	});
}

// ---------------------------------------------------------------------------------------------
// Stored score == score recomputed from records
// ---------------------------------------------------------------------------------------------

/// A small deterministic generator (xorshift64*), so the sequence is reproducible.
struct Rng(u64);

impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}

	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
}

#[test]
fn recomputed_score_equals_stored_score_after_random_operations() {
	build_and_execute(|| {
		add_reporter(PLATFORM);
		add_reporter(OTHER_PLATFORM);
		let subjects = [ALICE, BOB];
		let reporters = [PLATFORM, OTHER_PLATFORM];
		let mut rng = Rng(0x5eed_cafe_f00d_beef);
		let mut filed: Vec<RecordId> = Vec::new();

		for step in 0..400u32 {
			run_to_block(System::block_number() + rng.below(40));
			match rng.below(10) {
				0..=5 => {
					let subject = subjects[rng.below(2) as usize];
					let reporter = reporters[rng.below(2) as usize];
					let kind = ALL_KINDS[rng.below(7) as usize];
					let weight = 1 + rng.below(u64::from(MAX_RECORD_WEIGHT)) as u32;
					filed.push(file_by(reporter, subject, kind, weight, step));
				}
				6..=7 if !filed.is_empty() => {
					let id = filed[rng.below(filed.len() as u64) as usize];
					let record = Records::<Test>::get(id).expect("filed");
					if record.dispute.is_none() {
						let subject = record.subject;
						assert_ok!(Credit::dispute(RuntimeOrigin::signed(subject), id));
					}
				}
				8..=9 => {
					let open: Vec<RecordId> = Records::<Test>::iter()
						.filter(|(_, record)| record.status() == RecordStatus::Disputed)
						.map(|(id, _)| id)
						.collect();
					if !open.is_empty() {
						let id = open[rng.below(open.len() as u64) as usize];
						let overturn = rng.below(2) == 0;
						assert_ok!(Credit::resolve_dispute(RuntimeOrigin::root(), id, overturn));
					}
				}
				_ => {}
			}

			let now = System::block_number();
			for who in subjects {
				assert_recompute_matches(who);
				// Also when decay moves on without further writes.
				for later in [1, 5, 15, 16, 17] {
					let at = now + later * DECAY_PERIOD;
					assert_eq!(
						Credit::recompute_score_from_records(&who, at),
						Credit::score_details_at(&who, at)
					);
				}
			}
		}
		assert!(filed.len() > 150);
		assert_ok!(Credit::do_try_state());
	});
}

// ---------------------------------------------------------------------------------------------
// Pure arithmetic
// ---------------------------------------------------------------------------------------------

/// The decayed sum as originally specified: multiplications by powers of two and a floor
/// division, in checked `i128` arithmetic.
fn reference_decayed_raw_points(items: &[(Epoch, i64)], now: Epoch) -> i64 {
	let mut numerator: i128 = 0;
	for (epoch, points) in items {
		let Some(age) = now.checked_sub(*epoch) else { continue };
		let Some(shift) = MAX_AGE.checked_sub(age) else { continue };
		let term = i128::from(*points).checked_mul(2i128.pow(shift)).expect("no overflow");
		numerator = numerator.checked_add(term).expect("no overflow");
	}
	let floored = numerator.div_euclid(SCORE_DENOMINATOR);
	i64::try_from(floored).unwrap_or(if floored < 0 { i64::MIN } else { i64::MAX })
}

#[test]
fn decayed_sum_by_shifts_equals_the_reference() {
	let mut rng = Rng(0x0dec_a1ed_5eed_0001);
	for _ in 0..2_000 {
		let now = rng.below(40) as Epoch;
		let len = rng.below(20) as usize;
		let items: Vec<(Epoch, i64)> = (0..len)
			.map(|_| {
				let epoch = rng.below(45) as Epoch;
				let points = match rng.below(4) {
					0 => rng.below(1_000) as i64 - 500,
					1 => rng.below(65_536) as i64 - 32_768,
					2 => (rng.next() as i64) >> 8,
					_ => [i64::MIN, i64::MAX, -1, 1][rng.below(4) as usize],
				};
				(epoch, points)
			})
			.collect();
		assert_eq!(
			decayed_raw_points(items.clone(), now),
			reference_decayed_raw_points(&items, now),
			"{items:?} in epoch {now}"
		);
	}
}

#[test]
fn decayed_sum_is_exact_and_floored() {
	// Empty: neutral.
	assert_eq!(decayed_raw_points(Vec::new(), 7), 0);
	// Ages 0..=15 count, 16 and the future do not.
	assert_eq!(decayed_raw_points(vec![(10, 32_768)], 10), 32_768);
	assert_eq!(decayed_raw_points(vec![(0, 32_768)], 15), 1);
	assert_eq!(decayed_raw_points(vec![(0, 32_768)], 16), 0);
	assert_eq!(decayed_raw_points(vec![(11, 100)], 10), 0);
	// Flooring towards minus infinity.
	assert_eq!(decayed_raw_points(vec![(0, -5)], 1), -3);
	assert_eq!(decayed_raw_points(vec![(0, -1)], 15), -1);
	assert_eq!(decayed_raw_points(vec![(0, 1)], 15), 0);
	// Order does not matter.
	let items = vec![(3, 7), (1, -13), (2, 5), (3, -1)];
	let mut reversed = items.clone();
	reversed.reverse();
	assert_eq!(decayed_raw_points(items.clone(), 4), decayed_raw_points(reversed, 4));
	// Extremes saturate instead of panicking.
	assert_eq!(decayed_raw_points(vec![(0, i64::MAX); 16], 0), i64::MAX);
	assert_eq!(decayed_raw_points(vec![(0, i64::MIN); 16], 0), i64::MIN);
}

#[test]
fn clamp_score_stays_in_range() {
	assert_eq!(clamp_score(0), 500);
	assert_eq!(clamp_score(-500), 0);
	assert_eq!(clamp_score(i64::MIN), 0);
	assert_eq!(clamp_score(500), 1000);
	assert_eq!(clamp_score(i64::MAX), 1000);
	assert_eq!(clamp_score(-1), 499);
}

#[test]
fn score_state_keeps_sorted_non_zero_buckets() {
	let mut state = ScoreState::default();
	assert_ok!(state.add_points(5, 10, 5));
	assert_ok!(state.add_points(3, -4, 5));
	assert_ok!(state.add_points(4, 6, 5));
	assert_eq!(state.buckets.to_vec(), vec![(3, -4), (4, 6), (5, 10)]);
	// Outside the window or from the future: ignored.
	assert_ok!(state.add_points(6, 1, 5));
	// In epoch 21 the window starts at 6: epoch 5 no longer counts, and the call prunes
	// every bucket.
	assert_ok!(state.add_points(5, 1, 5 + DECAY_EPOCHS));
	assert_eq!(state.buckets.to_vec(), vec![]);
	assert_ok!(state.add_points(30, 10, 30));
	assert_ok!(state.add_points(30, -10, 30));
	assert!(state.buckets.is_empty());
	assert_eq!(state.add_points(30, i64::MAX, 30), Ok(()));
	assert_eq!(state.add_points(30, 1, 30), Err(sp_runtime::ArithmeticError::Overflow));
	assert_eq!(
		state.note_disputed(RecordKind::Damage),
		Err(sp_runtime::ArithmeticError::Underflow)
	);
}
