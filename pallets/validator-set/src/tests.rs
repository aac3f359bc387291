//! Tests of the validator set pallet.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{testing::UintAuthorityId, DispatchError};

fn governance() -> RuntimeOrigin {
	RuntimeOrigin::signed(GOVERNANCE)
}

fn set_keys(who: AccountId) -> sp_runtime::DispatchResult {
	Session::set_keys(RuntimeOrigin::signed(who), UintAuthorityId(who), vec![])
}

fn active() -> Vec<AccountId> {
	pallet_session::Validators::<Test>::get()
}

#[test]
fn genesis_validators_are_the_session_validators() {
	new_test_ext().execute_with(|| {
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 3]);
		assert_eq!(active(), vec![1, 2, 3]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn an_added_validator_validates_two_sessions_after_it_set_its_keys() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(governance(), 4));
		System::assert_last_event(Event::ValidatorAdded { who: 4 }.into());
		assert_ok!(set_keys(4));

		run_to_session(1);
		assert_eq!(active(), vec![1, 2, 3]);
		run_to_session(2);
		assert_eq!(active(), vec![1, 2, 3, 4]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn a_validator_that_sets_its_keys_late_is_still_included() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(governance(), 4));
		// Without keys 4 cannot validate: the planned set is unchanged, no authority change.
		run_to_session(2);
		assert_eq!(active(), vec![1, 2, 3]);
		assert!(!pallet_session::QueuedChanged::<Test>::get());
		assert_ok!(set_keys(4));
		run_to_session(4);
		assert_eq!(active(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn a_removed_validator_stops_two_sessions_later_and_loses_its_keys() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(governance(), 3));
		System::assert_last_event(Event::ValidatorRemoved { who: 3 }.into());
		assert_eq!(Session::load_keys(&3), None);
		// It cannot register keys again while it is not a validator.
		assert_noop!(set_keys(3), pallet_session::Error::<Test>::NoAssociatedValidatorId);

		run_to_session(1);
		assert_eq!(active(), vec![1, 2, 3]);
		run_to_session(2);
		assert_eq!(active(), vec![1, 2]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn only_the_origin_changes_the_set() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(4), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 2),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 4),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn bad_changes_are_refused_without_change() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::add_validator(governance(), 2), Error::<Test>::AlreadyValidator);
		assert_noop!(ValidatorSet::remove_validator(governance(), 7), Error::<Test>::NotValidator);
		assert_ok!(ValidatorSet::add_validator(governance(), 4));
		assert_noop!(
			ValidatorSet::add_validator(governance(), 5),
			Error::<Test>::TooManyValidators
		);
		assert_ok!(ValidatorSet::remove_validator(governance(), 4));
		assert_ok!(ValidatorSet::remove_validator(governance(), 3));
		// Two left: removing another would go below `MinAuthorities`.
		assert_noop!(
			ValidatorSet::remove_validator(governance(), 2),
			Error::<Test>::TooFewValidators
		);
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2]);
	});
}

#[test]
fn the_last_validators_with_keys_cannot_be_removed() {
	new_test_ext().execute_with(|| {
		// 4 is a member without keys: it does not count as an authority.
		assert_ok!(ValidatorSet::add_validator(governance(), 4));
		assert_ok!(ValidatorSet::remove_validator(governance(), 3));
		assert_noop!(
			ValidatorSet::remove_validator(governance(), 2),
			Error::<Test>::TooFewValidators
		);
		run_to_session(3);
		assert_eq!(active(), vec![1, 2]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn a_validator_that_changes_its_keys_stays_in_the_set() {
	new_test_ext().execute_with(|| {
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(2), UintAuthorityId(22), vec![]));
		run_to_session(3);
		assert_eq!(active(), vec![1, 2, 3]);
		assert_eq!(Session::load_keys(&2), Some(UintAuthorityId(22)));
	});
}

#[test]
fn outsiders_cannot_register_session_keys() {
	new_test_ext().execute_with(|| {
		assert_noop!(set_keys(9), pallet_session::Error::<Test>::NoAssociatedValidatorId);
	});
}

#[test]
fn an_unchanged_set_is_not_handed_over_again() {
	new_test_ext().execute_with(|| {
		for session in 1..=3 {
			run_to_session(session);
			// Nothing new was queued: GRANDPA and Aura see no authority change.
			assert!(!pallet_session::QueuedChanged::<Test>::get());
		}
		assert_eq!(active(), vec![1, 2, 3]);
	});
}
