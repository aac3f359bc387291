//! Tests of the data-access pallet.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold},
		Hooks,
	},
};
use sp_runtime::DispatchError;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Price per access of the data sets of the tests.
const PRICE: Balance = 30;
/// The digest of the data sets of the tests.
const DIGEST: [u8; 32] = [0xd1; 32];
/// A digest after key rotation.
const NEW_DIGEST: [u8; 32] = [0xd2; 32];
/// An X25519 public key (the pallet does not look inside).
const KEY: [u8; 32] = [0x4b; 32];
/// A purpose.
const PURPOSE: &[u8] = b"credit check";

fn bounded<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes.to_vec())
}

fn purpose(bytes: &[u8]) -> PurposeOf<Test> {
	bounded(bytes)
}

/// A distinct envelope of `SEALED_ENVELOPE_LEN` bytes for each `n`.
fn envelope(n: u8) -> Vec<u8> {
	vec![n; SEALED_ENVELOPE_LEN as usize]
}

fn account(who: AccountId) -> Grantee<AccountId> {
	Grantee::Account(who)
}

/// Register a data set of `OWNER` with `PRICE` and return its id.
fn register() -> DataSetId {
	register_with_price(PRICE)
}

fn register_with_price(price: Balance) -> DataSetId {
	let id = NextDataSetId::<Test>::get();
	assert_ok!(DataAccess::register_data_set(
		RuntimeOrigin::signed(OWNER),
		DIGEST,
		b"ipfs://bafy".to_vec(),
		b"{\"rows\":100}".to_vec(),
		price
	));
	id
}

/// Grant `grantee` access to `dataset_id` by `OWNER`, with envelope `envelope(1)`.
fn grant(
	dataset_id: DataSetId,
	grantee: Grantee<AccountId>,
	expiry: Option<BlockNumber>,
	uses: Option<u32>,
) {
	assert_ok!(DataAccess::grant(
		RuntimeOrigin::signed(OWNER),
		dataset_id,
		grantee,
		PURPOSE.to_vec(),
		expiry,
		uses,
		envelope(1)
	));
}

/// Create a group of `ADMIN` with `members` and return its id.
fn group_with(members: &[AccountId]) -> GroupId {
	let id = NextGroupId::<Test>::get();
	assert_ok!(DataAccess::create_group(RuntimeOrigin::signed(ADMIN), KEY));
	for member in members {
		assert_ok!(DataAccess::add_member(RuntimeOrigin::signed(ADMIN), id, *member));
	}
	id
}

/// File a request of `who` for `dataset_id` and return its id.
fn request(who: AccountId, dataset_id: DataSetId) -> RequestId {
	let id = NextRequestId::<Test>::get();
	assert_ok!(DataAccess::request_access(
		RuntimeOrigin::signed(who),
		dataset_id,
		b"research".to_vec(),
		KEY
	));
	id
}

/// Record an access of `who` under its direct grant, accepting any price.
fn access(who: AccountId, dataset_id: DataSetId) -> frame_support::dispatch::DispatchResult {
	DataAccess::record_access(RuntimeOrigin::signed(who), dataset_id, None, Balance::MAX, None)
}

/// Record an access of `who` under the grant of `group`, accepting any price.
fn access_via(
	who: AccountId,
	dataset_id: DataSetId,
	group: GroupId,
) -> frame_support::dispatch::DispatchResult {
	DataAccess::record_access(
		RuntimeOrigin::signed(who),
		dataset_id,
		Some(group),
		Balance::MAX,
		None,
	)
}

fn held(reason: HoldReason, who: AccountId) -> Balance {
	Balances::balance_on_hold(&reason.into(), &who)
}

fn free(who: AccountId) -> Balance {
	Balances::balance(&who)
}

fn info(dataset_id: DataSetId) -> DataSetInfo<AccountId, Balance, BlockNumber> {
	DataSets::<Test>::get(dataset_id).expect("the data set exists")
}

fn uses_left(dataset_id: DataSetId, grantee: Grantee<AccountId>) -> Option<u32> {
	Grants::<Test>::get(dataset_id, grantee).expect("the grant exists").uses_left
}

fn denied(reason: AccessDenied) -> AccessCheck<AccountId, Balance, BlockNumber> {
	AccessCheck::Denied { reason }
}

/// The purposes of the entries of a page of an access log.
fn purposes_of(page: AccessPage<AccountId, Balance, BlockNumber>) -> Vec<Vec<u8>> {
	page.entries.into_iter().map(|record| record.entry.purpose).collect()
}

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

#[test]
fn integrity_test_passes() {
	build_and_execute(|| {
		<DataAccess as Hooks<BlockNumber>>::integrity_test();
	});
}

#[test]
fn sealed_envelopes_fit() {
	assert_eq!(SEALED_ENVELOPE_LEN as usize, sharechain_envelope::ENVELOPE_LEN);
	const { assert!(MAX_ENVELOPE_LENGTH >= SEALED_ENVELOPE_LEN) };
}

// ---------------------------------------------------------------------------------------------
// Data sets
// ---------------------------------------------------------------------------------------------

#[test]
fn register_data_set_works() {
	build_and_execute(|| {
		assert_ok!(DataAccess::register_data_set(
			RuntimeOrigin::signed(OWNER),
			DIGEST,
			b"ipfs://bafy".to_vec(),
			b"csv".to_vec(),
			PRICE
		));

		assert_eq!(
			DataSets::<Test>::get(0),
			Some(DataSetInfo {
				owner: OWNER,
				digest: DIGEST,
				price: PRICE,
				status: DataSetStatus::Active,
				grants: 0,
				accesses: 0,
				deposit: DATA_SET_DEPOSIT,
				registered_at: 1,
			})
		);
		assert_eq!(
			DataSetDetails::<Test>::get(0),
			Some(Details { location: bounded(b"ipfs://bafy"), metadata: bounded(b"csv") })
		);
		assert_eq!(NextDataSetId::<Test>::get(), 1);
		assert_eq!(held(HoldReason::DataSetDeposit, OWNER), DATA_SET_DEPOSIT);
		assert_eq!(free(OWNER), ENDOWMENT - DATA_SET_DEPOSIT);
		System::assert_last_event(
			Event::DataSetRegistered {
				dataset_id: 0,
				owner: OWNER,
				digest: DIGEST,
				price: PRICE,
				deposit: DATA_SET_DEPOSIT,
			}
			.into(),
		);
		let view = DataAccess::data_set(0).expect("registered");
		assert_eq!((view.location, view.metadata), (b"ipfs://bafy".to_vec(), b"csv".to_vec()));
		assert_eq!(DataAccess::data_set(1), None);
		// Ids count up.
		assert_eq!(register(), 1);
		assert_eq!(held(HoldReason::DataSetDeposit, OWNER), 2 * DATA_SET_DEPOSIT);
	});
}

#[test]
fn register_data_set_accepts_fields_of_maximal_length_and_zero_price() {
	build_and_execute(|| {
		assert_ok!(DataAccess::register_data_set(
			RuntimeOrigin::signed(OWNER),
			DIGEST,
			vec![b'l'; MAX_LOCATION_LENGTH as usize],
			vec![b'm'; MAX_METADATA_LENGTH as usize],
			0
		));
		assert_eq!(info(0).price, 0);
	});
}

#[test]
fn register_data_set_fails_for_unsigned_origin() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::register_data_set(RuntimeOrigin::root(), DIGEST, vec![], vec![], PRICE),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_data_set_fails_for_long_fields() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::register_data_set(
				RuntimeOrigin::signed(OWNER),
				DIGEST,
				vec![b'l'; MAX_LOCATION_LENGTH as usize + 1],
				vec![],
				PRICE
			),
			Error::<Test>::LocationTooLong
		);
		assert_noop!(
			DataAccess::register_data_set(
				RuntimeOrigin::signed(OWNER),
				DIGEST,
				vec![],
				vec![b'm'; MAX_METADATA_LENGTH as usize + 1],
				PRICE
			),
			Error::<Test>::MetadataTooLong
		);
	});
}

#[test]
fn register_data_set_fails_without_the_deposit() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::register_data_set(RuntimeOrigin::signed(POOR), DIGEST, vec![], vec![], 1),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			DataAccess::register_data_set(RuntimeOrigin::signed(NOBODY), DIGEST, vec![], vec![], 1),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn register_data_set_fails_when_ids_are_exhausted() {
	build_and_execute(|| {
		NextDataSetId::<Test>::put(DataSetId::MAX);
		assert_noop!(
			DataAccess::register_data_set(RuntimeOrigin::signed(OWNER), DIGEST, vec![], vec![], 1),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn update_price_works() {
	build_and_execute(|| {
		let id = register();
		assert_ok!(DataAccess::update_price(RuntimeOrigin::signed(OWNER), id, 75));
		assert_eq!(info(id).price, 75);
		System::assert_last_event(Event::PriceUpdated { dataset_id: id, price: 75 }.into());
	});
}

#[test]
fn update_price_fails_for_unknown_foreign_or_retired_data_set() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::update_price(RuntimeOrigin::signed(OWNER), 7, 1),
			Error::<Test>::UnknownDataSet
		);
		let id = register();
		assert_noop!(
			DataAccess::update_price(RuntimeOrigin::signed(ALICE), id, 1),
			Error::<Test>::NotOwner
		);
		assert_ok!(DataAccess::retire_data_set(RuntimeOrigin::signed(OWNER), id));
		assert_noop!(
			DataAccess::update_price(RuntimeOrigin::signed(OWNER), id, 1),
			Error::<Test>::DataSetRetired
		);
	});
}

#[test]
fn retire_data_set_works_and_keeps_the_audit_trail() {
	build_and_execute(|| {
		let id = register();
		grant(id, account(ALICE), None, None);
		let group = group_with(&[BOB]);
		grant(id, Grantee::Group(group), None, None);
		assert_ok!(access(ALICE, id));
		let log = DataAccess::access_log_page(id, 0);

		let post = DataAccess::retire_data_set(RuntimeOrigin::signed(OWNER), id)
			.expect("the owner retires");

		// Charged for the two grants removed, not for `MaxGrantsPerDataSet`.
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::retire_data_set(2)));
		System::assert_last_event(
			Event::DataSetRetired { dataset_id: id, grants_removed: 2 }.into(),
		);
		let retired = info(id);
		assert_eq!(retired.status, DataSetStatus::Retired);
		assert_eq!((retired.grants, retired.deposit, retired.accesses), (0, 0, 1));
		assert_eq!(retired.digest, DIGEST);
		assert!(!DataSetDetails::<Test>::contains_key(id));
		assert_eq!(Grants::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(Envelopes::<Test>::iter_prefix(id).count(), 0);
		assert!(DataAccess::grants_of(id).is_empty());
		assert_eq!(held(HoldReason::DataSetDeposit, OWNER), 0);
		// The log stays.
		assert_eq!(DataAccess::access_log_page(id, 0), log);
		let view = DataAccess::data_set(id).expect("the info stays");
		assert!(view.location.is_empty() && view.metadata.is_empty());
		// Nothing works on a retired data set any more.
		assert_noop!(access(ALICE, id), Error::<Test>::DataSetRetired);
		assert_noop!(
			DataAccess::grant(
				RuntimeOrigin::signed(OWNER),
				id,
				account(BOB),
				vec![],
				None,
				None,
				envelope(1)
			),
			Error::<Test>::DataSetRetired
		);
		assert_noop!(
			DataAccess::revoke(RuntimeOrigin::signed(OWNER), id, account(ALICE)),
			Error::<Test>::DataSetRetired
		);
		assert_noop!(
			DataAccess::rotate_key(RuntimeOrigin::signed(OWNER), id, NEW_DIGEST, vec![]),
			Error::<Test>::DataSetRetired
		);
		assert_noop!(
			DataAccess::request_access(RuntimeOrigin::signed(BOB), id, vec![], KEY),
			Error::<Test>::DataSetRetired
		);
		assert_eq!(DataAccess::can_access(id, &ALICE), denied(AccessDenied::DataSetRetired));
	});
}

#[test]
fn retire_data_set_fails_for_unknown_foreign_or_retired_data_set() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::retire_data_set(RuntimeOrigin::signed(OWNER), 7),
			Error::<Test>::UnknownDataSet
		);
		let id = register();
		assert_noop!(
			DataAccess::retire_data_set(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotOwner
		);
		assert_ok!(DataAccess::retire_data_set(RuntimeOrigin::signed(OWNER), id));
		assert_noop!(
			DataAccess::retire_data_set(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::DataSetRetired
		);
	});
}

#[test]
fn requests_of_a_retired_data_set_can_be_closed_but_not_approved() {
	build_and_execute(|| {
		let id = register();
		let first = request(ALICE, id);
		let second = request(BOB, id);
		assert_ok!(DataAccess::retire_data_set(RuntimeOrigin::signed(OWNER), id));

		assert_noop!(
			DataAccess::approve_request(RuntimeOrigin::signed(OWNER), first, None, None, vec![]),
			Error::<Test>::DataSetRetired
		);
		assert_ok!(DataAccess::reject_request(RuntimeOrigin::signed(OWNER), first));
		assert_ok!(DataAccess::cancel_request(RuntimeOrigin::signed(BOB), second));
		assert_eq!(held(HoldReason::RequestDeposit, ALICE), 0);
		assert_eq!(held(HoldReason::RequestDeposit, BOB), 0);
	});
}

// ---------------------------------------------------------------------------------------------
// Grants and revocation
// ---------------------------------------------------------------------------------------------

#[test]
fn grant_to_an_account_works() {
	build_and_execute(|| {
		let id = register();
		assert_ok!(DataAccess::grant(
			RuntimeOrigin::signed(OWNER),
			id,
			account(ALICE),
			PURPOSE.to_vec(),
			Some(50),
			Some(3),
			envelope(7)
		));

		assert_eq!(
			Grants::<Test>::get(id, account(ALICE)),
			Some(Grant {
				purpose: purpose(PURPOSE),
				expiry: Some(50),
				uses_left: Some(3),
				granted_at: 1,
				purpose_entry: None,
			})
		);
		assert_eq!(Envelopes::<Test>::get(id, account(ALICE)), Some(bounded(&envelope(7))));
		assert_eq!(info(id).grants, 1);
		System::assert_last_event(
			Event::AccessGranted {
				dataset_id: id,
				grantee: account(ALICE),
				purpose: purpose(PURPOSE),
				expiry: Some(50),
				uses: Some(3),
			}
			.into(),
		);
		assert_eq!(
			DataAccess::grants_of(id),
			vec![GrantInfo {
				grantee: account(ALICE),
				purpose: PURPOSE.to_vec(),
				expiry: Some(50),
				uses_left: Some(3),
				granted_at: 1,
				envelope: envelope(7),
			}]
		);
	});
}

#[test]
fn grant_to_a_group_works_with_fields_of_maximal_length() {
	build_and_execute(|| {
		let id = register();
		let group = group_with(&[]);
		let long_purpose = vec![b'p'; MAX_PURPOSE_LENGTH as usize];
		assert_ok!(DataAccess::grant(
			RuntimeOrigin::signed(OWNER),
			id,
			Grantee::Group(group),
			long_purpose.clone(),
			None,
			None,
			vec![b'e'; MAX_ENVELOPE_LENGTH as usize]
		));
		assert_eq!(
			Grants::<Test>::get(id, Grantee::Group(group)).map(|grant| grant.purpose),
			Some(purpose(&long_purpose))
		);
		System::assert_last_event(
			Event::AccessGranted {
				dataset_id: id,
				grantee: Grantee::Group(group),
				purpose: purpose(&long_purpose),
				expiry: None,
				uses: None,
			}
			.into(),
		);
	});
}

#[test]
fn grant_fails_for_unknown_foreign_or_retired_data_set() {
	build_and_execute(|| {
		let grant_by = |who: AccountId, id: DataSetId| {
			DataAccess::grant(
				RuntimeOrigin::signed(who),
				id,
				account(ALICE),
				PURPOSE.to_vec(),
				None,
				None,
				envelope(1),
			)
		};
		assert_noop!(grant_by(OWNER, 7), Error::<Test>::UnknownDataSet);
		let id = register();
		// A grant by anyone but the owner.
		assert_noop!(grant_by(ALICE, id), Error::<Test>::NotOwner);
		assert_noop!(grant_by(BOB, id), Error::<Test>::NotOwner);
		assert_ok!(DataAccess::retire_data_set(RuntimeOrigin::signed(OWNER), id));
		assert_noop!(grant_by(OWNER, id), Error::<Test>::DataSetRetired);
	});
}

#[test]
fn grant_fails_for_long_fields() {
	build_and_execute(|| {
		let id = register();
		assert_noop!(
			DataAccess::grant(
				RuntimeOrigin::signed(OWNER),
				id,
				account(ALICE),
				vec![b'p'; MAX_PURPOSE_LENGTH as usize + 1],
				None,
				None,
				envelope(1)
			),
			Error::<Test>::PurposeTooLong
		);
		assert_noop!(
			DataAccess::grant(
				RuntimeOrigin::signed(OWNER),
				id,
				account(ALICE),
				PURPOSE.to_vec(),
				None,
				None,
				vec![b'e'; MAX_ENVELOPE_LENGTH as usize + 1]
			),
			Error::<Test>::EnvelopeTooLong
		);
	});
}

#[test]
fn grant_fails_for_unknown_group_duplicate_or_full_data_set() {
	build_and_execute(|| {
		let id = register();
		assert_noop!(
			DataAccess::grant(
				RuntimeOrigin::signed(OWNER),
				id,
				Grantee::Group(9),
				PURPOSE.to_vec(),
				None,
				None,
				envelope(1)
			),
			Error::<Test>::UnknownGroup
		);
		grant(id, account(ALICE), None, None);
		assert_noop!(
			DataAccess::grant(
				RuntimeOrigin::signed(OWNER),
				id,
				account(ALICE),
				b"again".to_vec(),
				None,
				None,
				envelope(2)
			),
			Error::<Test>::AlreadyGranted
		);
		for who in [BOB, CHARLIE, ADMIN] {
			grant(id, account(who), None, None);
		}
		assert_eq!(info(id).grants, MAX_GRANTS);
		assert_noop!(
			DataAccess::grant(
				RuntimeOrigin::signed(OWNER),
				id,
				account(POOR),
				PURPOSE.to_vec(),
				None,
				None,
				envelope(1)
			),
			Error::<Test>::TooManyGrants
		);
	});
}

#[test]
fn grant_fails_for_expiry_in_the_past_or_zero_uses() {
	build_and_execute(|| {
		let id = register();
		run_to_block(10);
		for expiry in [0, 9, 10] {
			assert_noop!(
				DataAccess::grant(
					RuntimeOrigin::signed(OWNER),
					id,
					account(ALICE),
					PURPOSE.to_vec(),
					Some(expiry),
					None,
					envelope(1)
				),
				Error::<Test>::ExpiryInPast
			);
		}
		assert_noop!(
			DataAccess::grant(
				RuntimeOrigin::signed(OWNER),
				id,
				account(ALICE),
				PURPOSE.to_vec(),
				Some(11),
				Some(0),
				envelope(1)
			),
			Error::<Test>::ZeroUses
		);
		// The next block is the earliest expiry.
		grant(id, account(ALICE), Some(11), Some(1));
	});
}

#[test]
fn revoke_works_at_once() {
	build_and_execute(|| {
		let id = register();
		grant(id, account(ALICE), None, None);
		grant(id, account(BOB), None, None);
		assert_ok!(access(ALICE, id));

		assert_ok!(DataAccess::revoke(RuntimeOrigin::signed(OWNER), id, account(ALICE)));

		System::assert_last_event(
			Event::GrantRevoked { dataset_id: id, grantee: account(ALICE) }.into(),
		);
		assert!(!Grants::<Test>::contains_key(id, account(ALICE)));
		assert!(!Envelopes::<Test>::contains_key(id, account(ALICE)));
		assert_eq!(info(id).grants, 1);
		// Access after revocation: a named error, no state change, no funds moved.
		assert_noop!(access(ALICE, id), Error::<Test>::NoGrant);
		assert_eq!(DataAccess::can_access(id, &ALICE), denied(AccessDenied::NoGrant));
		assert_ok!(access(BOB, id));
		// The owner may grant again later.
		grant(id, account(ALICE), None, None);
		assert_ok!(access(ALICE, id));
	});
}

#[test]
fn revoke_fails_for_unknown_foreign_or_retired_data_set_or_missing_grant() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::revoke(RuntimeOrigin::signed(OWNER), 7, account(ALICE)),
			Error::<Test>::UnknownDataSet
		);
		let id = register();
		grant(id, account(ALICE), None, None);
		assert_noop!(
			DataAccess::revoke(RuntimeOrigin::signed(ALICE), id, account(ALICE)),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			DataAccess::revoke(RuntimeOrigin::signed(OWNER), id, account(BOB)),
			Error::<Test>::NoGrant
		);
		assert_noop!(
			DataAccess::revoke(RuntimeOrigin::signed(OWNER), id, Grantee::Group(0)),
			Error::<Test>::NoGrant
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Key rotation
// ---------------------------------------------------------------------------------------------

#[test]
fn rotate_key_replaces_digest_and_every_envelope() {
	build_and_execute(|| {
		let id = register();
		let group = group_with(&[CHARLIE]);
		grant(id, account(ALICE), Some(100), Some(5));
		grant(id, account(BOB), None, None);
		grant(id, Grantee::Group(group), None, None);
		assert_ok!(DataAccess::revoke(RuntimeOrigin::signed(OWNER), id, account(BOB)));
		let alice_grant = Grants::<Test>::get(id, account(ALICE));

		assert_ok!(DataAccess::rotate_key(
			RuntimeOrigin::signed(OWNER),
			id,
			NEW_DIGEST,
			vec![(Grantee::Group(group), envelope(8)), (account(ALICE), envelope(9))]
		));

		System::assert_last_event(
			Event::KeyRotated { dataset_id: id, digest: NEW_DIGEST, envelopes: 2 }.into(),
		);
		assert_eq!(info(id).digest, NEW_DIGEST);
		assert_eq!(Envelopes::<Test>::get(id, account(ALICE)), Some(bounded(&envelope(9))));
		assert_eq!(Envelopes::<Test>::get(id, Grantee::Group(group)), Some(bounded(&envelope(8))));
		assert!(!Envelopes::<Test>::contains_key(id, account(BOB)));
		// Only envelopes change.
		assert_eq!(Grants::<Test>::get(id, account(ALICE)), alice_grant);
		assert_eq!(info(id).grants, 2);
	});
}

#[test]
fn rotate_key_without_grants_only_sets_the_digest() {
	build_and_execute(|| {
		let id = register();
		assert_ok!(DataAccess::rotate_key(RuntimeOrigin::signed(OWNER), id, NEW_DIGEST, vec![]));
		assert_eq!(info(id).digest, NEW_DIGEST);
		System::assert_last_event(
			Event::KeyRotated { dataset_id: id, digest: NEW_DIGEST, envelopes: 0 }.into(),
		);
	});
}

#[test]
fn rotate_key_fails_for_unknown_or_foreign_data_set() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::rotate_key(RuntimeOrigin::signed(OWNER), 7, NEW_DIGEST, vec![]),
			Error::<Test>::UnknownDataSet
		);
		let id = register();
		assert_noop!(
			DataAccess::rotate_key(RuntimeOrigin::signed(ALICE), id, NEW_DIGEST, vec![]),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn rotate_key_requires_exactly_one_envelope_per_grant() {
	build_and_execute(|| {
		let id = register();
		grant(id, account(ALICE), None, None);
		grant(id, account(BOB), None, None);
		let rotate = |envelopes: Vec<(Grantee<AccountId>, Vec<u8>)>| {
			DataAccess::rotate_key(RuntimeOrigin::signed(OWNER), id, NEW_DIGEST, envelopes)
		};

		// One missing.
		assert_noop!(rotate(vec![(account(ALICE), envelope(9))]), Error::<Test>::EnvelopeMissing);
		assert_noop!(rotate(vec![]), Error::<Test>::EnvelopeMissing);
		// One for a grantee without a grant (e.g. a revoked one).
		assert_noop!(
			rotate(vec![
				(account(ALICE), envelope(9)),
				(account(BOB), envelope(9)),
				(account(CHARLIE), envelope(9))
			]),
			Error::<Test>::UnknownGrantee
		);
		// Twice the same grantee.
		assert_noop!(
			rotate(vec![(account(ALICE), envelope(9)), (account(ALICE), envelope(8))]),
			Error::<Test>::DuplicateGrantee
		);
		// Too long.
		assert_noop!(
			rotate(vec![
				(account(ALICE), envelope(9)),
				(account(BOB), vec![0; MAX_ENVELOPE_LENGTH as usize + 1])
			]),
			Error::<Test>::EnvelopeTooLong
		);
		// More than `MaxGrantsPerDataSet`.
		let too_many = (0..=u64::from(MAX_GRANTS)).map(|who| (account(who), envelope(9))).collect();
		assert_noop!(rotate(too_many), Error::<Test>::TooManyEnvelopes);
		// Exactly one each, in any order.
		assert_ok!(rotate(vec![(account(BOB), envelope(8)), (account(ALICE), envelope(9))]));
	});
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

#[test]
fn request_access_works() {
	build_and_execute(|| {
		let id = register();
		assert_ok!(DataAccess::request_access(
			RuntimeOrigin::signed(ALICE),
			id,
			b"research".to_vec(),
			KEY
		));

		assert_eq!(
			Requests::<Test>::get(0),
			Some(Request {
				requester: ALICE,
				dataset_id: id,
				purpose: purpose(b"research"),
				encryption_key: KEY,
				deposit: REQUEST_DEPOSIT,
				requested_at: 1,
			})
		);
		assert_eq!(OpenRequests::<Test>::get(id, ALICE), Some(0));
		assert_eq!(NextRequestId::<Test>::get(), 1);
		assert_eq!(held(HoldReason::RequestDeposit, ALICE), REQUEST_DEPOSIT);
		System::assert_last_event(
			Event::AccessRequested {
				request_id: 0,
				dataset_id: id,
				requester: ALICE,
				purpose: purpose(b"research"),
			}
			.into(),
		);
	});
}

#[test]
fn request_access_fails_for_bad_input() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::request_access(RuntimeOrigin::signed(ALICE), 7, vec![], KEY),
			Error::<Test>::UnknownDataSet
		);
		let id = register();
		assert_noop!(
			DataAccess::request_access(
				RuntimeOrigin::signed(ALICE),
				id,
				vec![b'p'; MAX_PURPOSE_LENGTH as usize + 1],
				KEY
			),
			Error::<Test>::PurposeTooLong
		);
		assert_noop!(
			DataAccess::request_access(RuntimeOrigin::signed(POOR), id, vec![], KEY),
			Error::<Test>::InsufficientBalance
		);
		grant(id, account(BOB), None, None);
		assert_noop!(
			DataAccess::request_access(RuntimeOrigin::signed(BOB), id, vec![], KEY),
			Error::<Test>::AlreadyGranted
		);
		request(ALICE, id);
		assert_noop!(
			DataAccess::request_access(RuntimeOrigin::signed(ALICE), id, vec![], KEY),
			Error::<Test>::AlreadyRequested
		);
	});
}

#[test]
fn request_access_fails_when_ids_are_exhausted() {
	build_and_execute(|| {
		let id = register();
		NextRequestId::<Test>::put(RequestId::MAX);
		assert_noop!(
			DataAccess::request_access(RuntimeOrigin::signed(ALICE), id, vec![], KEY),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn approve_request_grants_and_releases_the_deposit() {
	build_and_execute(|| {
		let id = register();
		let request_id = request(ALICE, id);

		assert_ok!(DataAccess::approve_request(
			RuntimeOrigin::signed(OWNER),
			request_id,
			Some(20),
			Some(2),
			envelope(5)
		));

		System::assert_has_event(
			Event::RequestApproved { request_id, dataset_id: id, requester: ALICE }.into(),
		);
		System::assert_last_event(
			Event::AccessGranted {
				dataset_id: id,
				grantee: account(ALICE),
				purpose: purpose(b"research"),
				expiry: Some(20),
				uses: Some(2),
			}
			.into(),
		);
		assert_eq!(
			Grants::<Test>::get(id, account(ALICE)),
			Some(Grant {
				purpose: purpose(b"research"),
				expiry: Some(20),
				uses_left: Some(2),
				granted_at: 1,
				purpose_entry: None,
			})
		);
		assert_eq!(Envelopes::<Test>::get(id, account(ALICE)), Some(bounded(&envelope(5))));
		assert!(!Requests::<Test>::contains_key(request_id));
		assert!(!OpenRequests::<Test>::contains_key(id, ALICE));
		assert_eq!(held(HoldReason::RequestDeposit, ALICE), 0);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert_ok!(access(ALICE, id));
	});
}

#[test]
fn approve_request_fails_for_bad_input() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::approve_request(RuntimeOrigin::signed(OWNER), 3, None, None, envelope(1)),
			Error::<Test>::UnknownRequest
		);
		let id = register();
		let request_id = request(ALICE, id);
		let approve =
			|who: AccountId, expiry: Option<BlockNumber>, uses: Option<u32>, envelope: Vec<u8>| {
				DataAccess::approve_request(
					RuntimeOrigin::signed(who),
					request_id,
					expiry,
					uses,
					envelope,
				)
			};
		assert_noop!(approve(BOB, None, None, envelope(1)), Error::<Test>::NotOwner);
		assert_noop!(
			approve(OWNER, None, None, vec![0; MAX_ENVELOPE_LENGTH as usize + 1]),
			Error::<Test>::EnvelopeTooLong
		);
		assert_noop!(approve(OWNER, Some(1), None, envelope(1)), Error::<Test>::ExpiryInPast);
		assert_noop!(approve(OWNER, None, Some(0), envelope(1)), Error::<Test>::ZeroUses);
		// The owner granted directly meanwhile.
		grant(id, account(ALICE), None, None);
		assert_noop!(approve(OWNER, None, None, envelope(1)), Error::<Test>::AlreadyGranted);
		assert_ok!(DataAccess::revoke(RuntimeOrigin::signed(OWNER), id, account(ALICE)));
		for who in [BOB, CHARLIE, ADMIN, POOR] {
			grant(id, account(who), None, None);
		}
		assert_noop!(approve(OWNER, None, None, envelope(1)), Error::<Test>::TooManyGrants);
	});
}

#[test]
fn reject_request_works() {
	build_and_execute(|| {
		let id = register();
		let request_id = request(ALICE, id);
		assert_ok!(DataAccess::reject_request(RuntimeOrigin::signed(OWNER), request_id));

		System::assert_last_event(
			Event::RequestRejected { request_id, dataset_id: id, requester: ALICE }.into(),
		);
		assert!(!Requests::<Test>::contains_key(request_id));
		assert!(!OpenRequests::<Test>::contains_key(id, ALICE));
		assert_eq!(held(HoldReason::RequestDeposit, ALICE), 0);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert!(!Grants::<Test>::contains_key(id, account(ALICE)));
	});
}

#[test]
fn reject_request_fails_for_unknown_request_or_non_owner() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::reject_request(RuntimeOrigin::signed(OWNER), 3),
			Error::<Test>::UnknownRequest
		);
		let id = register();
		let request_id = request(ALICE, id);
		assert_noop!(
			DataAccess::reject_request(RuntimeOrigin::signed(ALICE), request_id),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn cancel_request_works_and_allows_a_new_request() {
	build_and_execute(|| {
		let id = register();
		let request_id = request(ALICE, id);
		assert_ok!(DataAccess::cancel_request(RuntimeOrigin::signed(ALICE), request_id));

		System::assert_last_event(
			Event::RequestCancelled { request_id, dataset_id: id, requester: ALICE }.into(),
		);
		assert!(!Requests::<Test>::contains_key(request_id));
		assert_eq!(held(HoldReason::RequestDeposit, ALICE), 0);
		assert_eq!(request(ALICE, id), request_id + 1);
	});
}

#[test]
fn cancel_request_fails_for_unknown_request_or_non_requester() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::cancel_request(RuntimeOrigin::signed(ALICE), 3),
			Error::<Test>::UnknownRequest
		);
		let id = register();
		let request_id = request(ALICE, id);
		assert_noop!(
			DataAccess::cancel_request(RuntimeOrigin::signed(OWNER), request_id),
			Error::<Test>::NotRequester
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Access
// ---------------------------------------------------------------------------------------------

#[test]
fn record_access_pays_the_owner_consumes_a_use_and_logs() {
	build_and_execute(|| {
		let id = register();
		grant(id, account(ALICE), Some(100), Some(2));
		let owner_before = free(OWNER);
		run_to_block(5);

		assert_ok!(access(ALICE, id));

		assert_eq!(free(ALICE), ENDOWMENT - PRICE);
		assert_eq!(free(OWNER), owner_before + PRICE);
		assert_eq!(uses_left(id, account(ALICE)), Some(1));
		assert_eq!(info(id).accesses, 1);
		// The first access under the grant's purpose logs it inline; the grant notes where.
		let entry = AccessEntry {
			accessor: ALICE,
			via_group: None,
			block: 5,
			purpose: LoggedPurpose::Inline(purpose(PURPOSE)),
			price: PRICE,
		};
		assert_eq!(AccessLog::<Test>::get(id, 0), Some(entry));
		assert_eq!(
			Grants::<Test>::get(id, account(ALICE)).and_then(|grant| grant.purpose_entry),
			Some(0)
		);
		assert_eq!(AccessesByCount::<Test>::get(ALICE), 1);
		assert_eq!(AccessesBy::<Test>::get(ALICE, 0), Some((id, 0)));
		System::assert_last_event(
			Event::DataAccessed {
				dataset_id: id,
				index: 0,
				accessor: ALICE,
				via_group: None,
				block: 5,
				purpose: purpose(PURPOSE),
				price: PRICE,
				uses_left: Some(1),
			}
			.into(),
		);

		// A declared purpose is logged instead of the grant's.
		assert_ok!(DataAccess::record_access(
			RuntimeOrigin::signed(ALICE),
			id,
			None,
			PRICE,
			Some(b"audit".to_vec())
		));
		assert_eq!(
			AccessLog::<Test>::get(id, 1).map(|entry| entry.purpose),
			Some(LoggedPurpose::Inline(purpose(b"audit")))
		);
		assert_eq!(DataAccess::access_log_page(id, 0).entries[1].entry.purpose, b"audit".to_vec());
		assert_eq!(uses_left(id, account(ALICE)), Some(0));
		assert_eq!(free(ALICE), ENDOWMENT - 2 * PRICE);

		// No uses left: a named error, no state change, no funds moved.
		assert_noop!(access(ALICE, id), Error::<Test>::NoUsesLeft);
		assert_eq!(DataAccess::can_access(id, &ALICE), denied(AccessDenied::NoUsesLeft));
	});
}

#[test]
fn record_access_with_unlimited_uses_and_zero_price() {
	build_and_execute(|| {
		let id = register_with_price(0);
		grant(id, account(ALICE), None, None);
		for _ in 0..5 {
			assert_ok!(DataAccess::record_access(RuntimeOrigin::signed(ALICE), id, None, 0, None));
		}
		assert_eq!(uses_left(id, account(ALICE)), None);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert_eq!(info(id).accesses, 5);
		// An account without any funds can access a free data set.
		grant(id, account(NOBODY), None, None);
		assert_ok!(DataAccess::record_access(RuntimeOrigin::signed(NOBODY), id, None, 0, None));
	});
}

#[test]
fn record_access_fails_without_data_set_or_grant() {
	build_and_execute(|| {
		assert_noop!(access(ALICE, 7), Error::<Test>::UnknownDataSet);
		let id = register();
		assert_noop!(access(ALICE, id), Error::<Test>::NoGrant);
		// The owner has no grant either.
		assert_noop!(access(OWNER, id), Error::<Test>::NoGrant);
		// Another account's grant does not help.
		grant(id, account(BOB), None, None);
		assert_noop!(access(ALICE, id), Error::<Test>::NoGrant);
	});
}

#[test]
fn record_access_fails_after_expiry() {
	build_and_execute(|| {
		let id = register();
		grant(id, account(ALICE), Some(10), None);
		run_to_block(9);
		assert_ok!(access(ALICE, id));
		run_to_block(10);
		assert_noop!(access(ALICE, id), Error::<Test>::GrantExpired);
		assert_eq!(DataAccess::can_access(id, &ALICE), denied(AccessDenied::GrantExpired));
	});
}

#[test]
fn record_access_fails_on_a_retired_data_set() {
	build_and_execute(|| {
		let id = register();
		grant(id, account(ALICE), None, None);
		assert_ok!(DataAccess::retire_data_set(RuntimeOrigin::signed(OWNER), id));
		assert_noop!(access(ALICE, id), Error::<Test>::DataSetRetired);
	});
}

#[test]
fn record_access_fails_above_the_callers_price_limit() {
	build_and_execute(|| {
		let id = register();
		grant(id, account(ALICE), None, None);
		assert_ok!(DataAccess::update_price(RuntimeOrigin::signed(OWNER), id, PRICE + 1));
		assert_noop!(
			DataAccess::record_access(RuntimeOrigin::signed(ALICE), id, None, PRICE, None),
			Error::<Test>::PriceAboveLimit
		);
		assert_ok!(DataAccess::record_access(
			RuntimeOrigin::signed(ALICE),
			id,
			None,
			PRICE + 1,
			None
		));
	});
}

#[test]
fn record_access_fails_for_a_long_purpose() {
	build_and_execute(|| {
		let id = register();
		grant(id, account(ALICE), None, None);
		assert_noop!(
			DataAccess::record_access(
				RuntimeOrigin::signed(ALICE),
				id,
				None,
				PRICE,
				Some(vec![b'p'; MAX_PURPOSE_LENGTH as usize + 1])
			),
			Error::<Test>::PurposeTooLong
		);
	});
}

#[test]
fn record_access_fails_without_the_price_and_moves_no_funds() {
	build_and_execute(|| {
		let id = register();
		grant(id, account(POOR), None, Some(3));
		assert_noop!(access(POOR, id), Error::<Test>::InsufficientBalance);
		assert_eq!(DataAccess::can_access(id, &POOR), denied(AccessDenied::InsufficientBalance));
		assert_eq!(uses_left(id, account(POOR)), Some(3));

		// The accessor must keep its existential deposit: `ENDOWMENT - 1` is the most it pays.
		grant(id, account(ALICE), None, None);
		assert_ok!(DataAccess::update_price(RuntimeOrigin::signed(OWNER), id, ENDOWMENT));
		assert_noop!(access(ALICE, id), Error::<Test>::InsufficientBalance);
		assert_ok!(DataAccess::update_price(
			RuntimeOrigin::signed(OWNER),
			id,
			ENDOWMENT - EXISTENTIAL_DEPOSIT
		));
		assert_ok!(access(ALICE, id));
		assert_eq!(free(ALICE), EXISTENTIAL_DEPOSIT);
	});
}

#[test]
fn record_access_fails_when_counters_are_exhausted() {
	// Counters are corrupted on purpose: no `try_state` afterwards.
	new_test_ext().execute_with(|| {
		let id = register();
		grant(id, account(ALICE), None, None);
		AccessesByCount::<Test>::insert(ALICE, u32::MAX);
		assert_noop!(access(ALICE, id), Error::<Test>::Overflow);
		AccessesByCount::<Test>::remove(ALICE);
		DataSets::<Test>::mutate(id, |info| {
			if let Some(info) = info {
				info.accesses = u32::MAX;
			}
		});
		assert_noop!(access(ALICE, id), Error::<Test>::Overflow);
	});
}

#[test]
fn record_access_fails_for_unsigned_origin() {
	build_and_execute(|| {
		let id = register();
		assert_noop!(
			DataAccess::record_access(RuntimeOrigin::root(), id, None, PRICE, None),
			DispatchError::BadOrigin
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

#[test]
fn create_group_works() {
	build_and_execute(|| {
		assert_ok!(DataAccess::create_group(RuntimeOrigin::signed(ADMIN), KEY));
		assert_eq!(
			Groups::<Test>::get(0),
			Some(GroupInfo {
				admin: ADMIN,
				encryption_key: KEY,
				members: 0,
				deposit: GROUP_DEPOSIT
			})
		);
		assert_eq!(NextGroupId::<Test>::get(), 1);
		assert_eq!(held(HoldReason::GroupDeposit, ADMIN), GROUP_DEPOSIT);
		System::assert_last_event(
			Event::GroupCreated {
				group_id: 0,
				admin: ADMIN,
				encryption_key: KEY,
				deposit: GROUP_DEPOSIT,
			}
			.into(),
		);
	});
}

#[test]
fn create_group_fails_without_deposit_or_ids() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::create_group(RuntimeOrigin::signed(POOR), KEY),
			Error::<Test>::InsufficientBalance
		);
		NextGroupId::<Test>::put(GroupId::MAX);
		assert_noop!(
			DataAccess::create_group(RuntimeOrigin::signed(ADMIN), KEY),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn add_and_remove_members_work() {
	build_and_execute(|| {
		let group = group_with(&[]);
		assert_ok!(DataAccess::add_member(RuntimeOrigin::signed(ADMIN), group, ALICE));
		System::assert_last_event(Event::MemberAdded { group_id: group, member: ALICE }.into());
		assert!(GroupMembers::<Test>::contains_key(group, ALICE));
		assert_eq!(Groups::<Test>::get(group).map(|group| group.members), Some(1));

		assert_ok!(DataAccess::remove_member(RuntimeOrigin::signed(ADMIN), group, ALICE));
		System::assert_last_event(Event::MemberRemoved { group_id: group, member: ALICE }.into());
		assert!(!GroupMembers::<Test>::contains_key(group, ALICE));
		assert_eq!(Groups::<Test>::get(group).map(|group| group.members), Some(0));
	});
}

#[test]
fn add_member_fails_for_bad_input() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::add_member(RuntimeOrigin::signed(ADMIN), 9, ALICE),
			Error::<Test>::UnknownGroup
		);
		let group = group_with(&[ALICE]);
		assert_noop!(
			DataAccess::add_member(RuntimeOrigin::signed(ALICE), group, BOB),
			Error::<Test>::NotGroupAdmin
		);
		assert_noop!(
			DataAccess::add_member(RuntimeOrigin::signed(ADMIN), group, ALICE),
			Error::<Test>::AlreadyMember
		);
		assert_ok!(DataAccess::add_member(RuntimeOrigin::signed(ADMIN), group, BOB));
		assert_ok!(DataAccess::add_member(RuntimeOrigin::signed(ADMIN), group, CHARLIE));
		assert_noop!(
			DataAccess::add_member(RuntimeOrigin::signed(ADMIN), group, OWNER),
			Error::<Test>::TooManyMembers
		);
	});
}

#[test]
fn remove_member_fails_for_bad_input() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::remove_member(RuntimeOrigin::signed(ADMIN), 9, ALICE),
			Error::<Test>::UnknownGroup
		);
		let group = group_with(&[ALICE]);
		assert_noop!(
			DataAccess::remove_member(RuntimeOrigin::signed(ALICE), group, ALICE),
			Error::<Test>::NotGroupAdmin
		);
		assert_noop!(
			DataAccess::remove_member(RuntimeOrigin::signed(ADMIN), group, BOB),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn set_group_key_works() {
	build_and_execute(|| {
		let group = group_with(&[]);
		let new_key = [0x4c; 32];
		assert_ok!(DataAccess::set_group_key(RuntimeOrigin::signed(ADMIN), group, new_key));
		assert_eq!(Groups::<Test>::get(group).map(|group| group.encryption_key), Some(new_key));
		System::assert_last_event(
			Event::GroupKeyChanged { group_id: group, encryption_key: new_key }.into(),
		);
	});
}

#[test]
fn set_group_key_fails_for_unknown_group_or_non_admin() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::set_group_key(RuntimeOrigin::signed(ADMIN), 9, KEY),
			Error::<Test>::UnknownGroup
		);
		let group = group_with(&[ALICE]);
		assert_noop!(
			DataAccess::set_group_key(RuntimeOrigin::signed(ALICE), group, KEY),
			Error::<Test>::NotGroupAdmin
		);
	});
}

#[test]
fn disband_group_works_once_empty() {
	build_and_execute(|| {
		let id = register();
		let group = group_with(&[ALICE]);
		grant(id, Grantee::Group(group), None, None);
		assert_noop!(
			DataAccess::disband_group(RuntimeOrigin::signed(ADMIN), group),
			Error::<Test>::GroupNotEmpty
		);
		assert_ok!(DataAccess::remove_member(RuntimeOrigin::signed(ADMIN), group, ALICE));

		assert_ok!(DataAccess::disband_group(RuntimeOrigin::signed(ADMIN), group));

		System::assert_last_event(Event::GroupDisbanded { group_id: group }.into());
		assert!(!Groups::<Test>::contains_key(group));
		assert_eq!(held(HoldReason::GroupDeposit, ADMIN), 0);
		assert_eq!(free(ADMIN), ENDOWMENT);
		// Its grant stays inert until the owner revokes it; it cannot be granted again.
		assert_noop!(access_via(ALICE, id, group), Error::<Test>::NotMember);
		assert_eq!(info(id).grants, 1);
		assert_ok!(DataAccess::revoke(RuntimeOrigin::signed(OWNER), id, Grantee::Group(group)));
		assert_noop!(
			DataAccess::grant(
				RuntimeOrigin::signed(OWNER),
				id,
				Grantee::Group(group),
				vec![],
				None,
				None,
				envelope(1)
			),
			Error::<Test>::UnknownGroup
		);
	});
}

#[test]
fn disband_group_fails_for_unknown_group_or_non_admin() {
	build_and_execute(|| {
		assert_noop!(
			DataAccess::disband_group(RuntimeOrigin::signed(ADMIN), 9),
			Error::<Test>::UnknownGroup
		);
		let group = group_with(&[]);
		assert_noop!(
			DataAccess::disband_group(RuntimeOrigin::signed(ALICE), group),
			Error::<Test>::NotGroupAdmin
		);
	});
}

#[test]
fn members_access_under_the_group_grant_and_share_its_uses() {
	build_and_execute(|| {
		let id = register();
		let group = group_with(&[ALICE, BOB]);
		grant(id, Grantee::Group(group), Some(100), Some(2));

		assert_ok!(access_via(ALICE, id, group));
		System::assert_last_event(
			Event::DataAccessed {
				dataset_id: id,
				index: 0,
				accessor: ALICE,
				via_group: Some(group),
				block: 1,
				purpose: purpose(PURPOSE),
				price: PRICE,
				uses_left: Some(1),
			}
			.into(),
		);
		assert_ok!(access_via(BOB, id, group));
		assert_eq!(free(ALICE), ENDOWMENT - PRICE);
		assert_eq!(free(BOB), ENDOWMENT - PRICE);
		assert_eq!(
			AccessLog::<Test>::get(id, 1).map(|entry| (entry.accessor, entry.via_group)),
			Some((BOB, Some(group)))
		);
		// The group grant's purpose is logged once, whoever of its members accesses.
		assert_eq!(
			AccessLog::<Test>::get(id, 1).map(|entry| entry.purpose),
			Some(LoggedPurpose::SameAs(0))
		);
		assert_eq!(DataAccess::access_log_page(id, 0).entries[1].entry.purpose, PURPOSE.to_vec());
		// The uses are shared.
		assert_eq!(uses_left(id, Grantee::Group(group)), Some(0));
		assert_noop!(access_via(ALICE, id, group), Error::<Test>::NoUsesLeft);
		// A group grant is not a direct grant.
		assert_noop!(access(ALICE, id), Error::<Test>::NoGrant);
	});
}

#[test]
fn group_access_requires_a_group_grant_and_membership() {
	build_and_execute(|| {
		let id = register();
		let granted = group_with(&[ALICE]);
		let other = group_with(&[BOB]);
		grant(id, Grantee::Group(granted), None, None);

		// A group without a grant.
		assert_noop!(access_via(BOB, id, other), Error::<Test>::NoGrant);
		assert_noop!(access_via(BOB, id, 9), Error::<Test>::NoGrant);
		// Not a member of the granted group.
		assert_noop!(access_via(BOB, id, granted), Error::<Test>::NotMember);
		// A removed member loses access at once.
		assert_ok!(access_via(ALICE, id, granted));
		assert_ok!(DataAccess::remove_member(RuntimeOrigin::signed(ADMIN), granted, ALICE));
		assert_noop!(access_via(ALICE, id, granted), Error::<Test>::NotMember);
		assert_eq!(DataAccess::can_access(id, &ALICE), denied(AccessDenied::NoGrant));
	});
}

#[test]
fn group_grant_expires_for_every_member() {
	build_and_execute(|| {
		let id = register();
		let group = group_with(&[ALICE, BOB]);
		grant(id, Grantee::Group(group), Some(5), None);
		run_to_block(5);
		assert_noop!(access_via(ALICE, id, group), Error::<Test>::GrantExpired);
		assert_noop!(access_via(BOB, id, group), Error::<Test>::GrantExpired);
	});
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

#[test]
fn can_access_reports_the_applicable_grant_or_the_reason() {
	build_and_execute(|| {
		assert_eq!(DataAccess::can_access(7, &ALICE), denied(AccessDenied::UnknownDataSet));
		let id = register();
		assert_eq!(DataAccess::can_access(id, &ALICE), denied(AccessDenied::NoGrant));

		grant(id, account(ALICE), Some(50), Some(1));
		assert_eq!(
			DataAccess::can_access(id, &ALICE),
			AccessCheck::Allowed {
				grantee: account(ALICE),
				price: PRICE,
				expiry: Some(50),
				uses_left: Some(1),
			}
		);
		assert_ok!(access(ALICE, id));
		assert_eq!(DataAccess::can_access(id, &ALICE), denied(AccessDenied::NoUsesLeft));

		// A usable group grant applies when the direct one is used up.
		let group = group_with(&[ALICE]);
		grant(id, Grantee::Group(group), None, None);
		assert_eq!(
			DataAccess::can_access(id, &ALICE),
			AccessCheck::Allowed {
				grantee: Grantee::Group(group),
				price: PRICE,
				expiry: None,
				uses_left: None,
			}
		);
		assert_ok!(access_via(ALICE, id, group));
		// Non-members are not covered by it.
		assert_eq!(DataAccess::can_access(id, &BOB), denied(AccessDenied::NoGrant));
	});
}

#[test]
fn access_log_and_accesses_by_are_paged() {
	build_and_execute(|| {
		let first = register_with_price(0);
		let second = register_with_price(0);
		grant(first, account(ALICE), None, None);
		grant(second, account(ALICE), None, None);
		grant(first, account(BOB), None, None);
		for _ in 0..60 {
			assert_ok!(access(ALICE, first));
		}
		for _ in 0..50 {
			assert_ok!(access(ALICE, second));
		}
		for _ in 0..10 {
			assert_ok!(access(BOB, first));
		}

		// "Who read my data": 70 entries of the first data set.
		let page = DataAccess::access_log_page(first, 0);
		assert_eq!((page.page, page.page_size, page.total), (0, ACCESS_PAGE_SIZE, 70));
		assert_eq!(page.entries.len(), 50);
		assert!(page.entries.iter().enumerate().all(|(n, record)| {
			record.dataset_id == first && record.index == n as u32 && record.entry.accessor == ALICE
		}));
		let page = DataAccess::access_log_page(first, 1);
		assert_eq!(page.entries.len(), 20);
		assert_eq!(page.entries[0].index, 50);
		assert_eq!(page.entries[10].entry.accessor, BOB);
		assert!(DataAccess::access_log_page(first, 2).entries.is_empty());
		assert!(DataAccess::access_log_page(first, u32::MAX).entries.is_empty());
		assert_eq!(DataAccess::access_log_page(99, 0).total, 0);

		// Purposes logged by reference resolve across pages (Bob's refer to entry 60).
		assert!(page.entries.iter().all(|record| record.entry.purpose == PURPOSE));

		// "What did I read": 110 entries of Alice over both data sets.
		let page = DataAccess::accesses_by_page(&ALICE, 1);
		assert_eq!(page.total, 110);
		assert_eq!(page.entries.len(), 50);
		assert_eq!((page.entries[0].dataset_id, page.entries[0].index), (first, 50));
		assert_eq!((page.entries[10].dataset_id, page.entries[10].index), (second, 0));
		assert_eq!(DataAccess::accesses_by_page(&ALICE, 2).entries.len(), 10);
		assert_eq!(DataAccess::accesses_by_page(&BOB, 0).total, 10);
		assert_eq!(DataAccess::accesses_by_page(&CHARLIE, 0).total, 0);
	});
}

#[test]
fn the_log_stores_a_grants_purpose_once_and_the_queries_resolve_it() {
	build_and_execute(|| {
		let id = register();
		grant(id, account(ALICE), None, None);
		let declaring = |declared: &[u8]| {
			DataAccess::record_access(
				RuntimeOrigin::signed(ALICE),
				id,
				None,
				PRICE,
				Some(declared.to_vec()),
			)
		};
		let logged = |index: u32| AccessLog::<Test>::get(id, index).map(|entry| entry.purpose);

		// The first access under the grant's purpose logs it inline, and the (unlimited) grant
		// is written to note where.
		assert_ok!(access(ALICE, id));
		assert_eq!(logged(0), Some(LoggedPurpose::Inline(purpose(PURPOSE))));
		assert_eq!(
			Grants::<Test>::get(id, account(ALICE)).and_then(|grant| grant.purpose_entry),
			Some(0)
		);
		// Later ones refer to it, also when they declare the grant's purpose again.
		assert_ok!(access(ALICE, id));
		assert_ok!(declaring(PURPOSE));
		assert_eq!(logged(1), Some(LoggedPurpose::SameAs(0)));
		assert_eq!(logged(2), Some(LoggedPurpose::SameAs(0)));
		// The event carries the bytes all the same.
		System::assert_last_event(
			Event::DataAccessed {
				dataset_id: id,
				index: 2,
				accessor: ALICE,
				via_group: None,
				block: 1,
				purpose: purpose(PURPOSE),
				price: PRICE,
				uses_left: None,
			}
			.into(),
		);
		// A purpose of the access's own is logged inline.
		assert_ok!(declaring(&b"audit"[..]));
		assert_eq!(logged(3), Some(LoggedPurpose::Inline(purpose(b"audit"))));

		// Revoked and granted again with another purpose: the new grant logs its own.
		assert_ok!(DataAccess::revoke(RuntimeOrigin::signed(OWNER), id, account(ALICE)));
		assert_ok!(DataAccess::grant(
			RuntimeOrigin::signed(OWNER),
			id,
			account(ALICE),
			b"research".to_vec(),
			None,
			None,
			envelope(2)
		));
		assert_ok!(access(ALICE, id));
		assert_ok!(access(ALICE, id));
		assert_eq!(logged(4), Some(LoggedPurpose::Inline(purpose(b"research"))));
		assert_eq!(logged(5), Some(LoggedPurpose::SameAs(4)));

		// The queries return the bytes of every entry, also once the data set is retired.
		let expected: [&[u8]; 6] = [PURPOSE, PURPOSE, PURPOSE, b"audit", b"research", b"research"];
		let expected: Vec<Vec<u8>> = expected.iter().map(|purpose| purpose.to_vec()).collect();
		assert_eq!(purposes_of(DataAccess::access_log_page(id, 0)), expected);
		assert_eq!(purposes_of(DataAccess::accesses_by_page(&ALICE, 0)), expected);
		assert_ok!(DataAccess::retire_data_set(RuntimeOrigin::signed(OWNER), id));
		assert_eq!(purposes_of(DataAccess::access_log_page(id, 0)), expected);
	});
}

#[test]
fn try_state_checks_the_purpose_references() {
	// The log is corrupted on purpose: no `try_state` afterwards.
	new_test_ext().execute_with(|| {
		let id = register();
		grant(id, account(ALICE), None, None);
		assert_ok!(access(ALICE, id));
		assert_ok!(access(ALICE, id));
		assert_ok!(DataAccess::do_try_state());
		let set_logged = |index: u32, logged: LoggedPurpose<PurposeOf<Test>>| {
			AccessLog::<Test>::mutate(id, index, |entry| {
				if let Some(entry) = entry {
					entry.purpose = logged;
				}
			})
		};

		// The entry the grant notes holds another purpose.
		set_logged(0, LoggedPurpose::Inline(purpose(b"other")));
		assert!(DataAccess::do_try_state().is_err());
		set_logged(0, LoggedPurpose::Inline(purpose(PURPOSE)));
		assert_ok!(DataAccess::do_try_state());
		// A reference to itself (not to an earlier entry).
		set_logged(1, LoggedPurpose::SameAs(1));
		assert!(DataAccess::do_try_state().is_err());
		// A reference to an entry that holds no inline purpose.
		set_logged(1, LoggedPurpose::SameAs(0));
		set_logged(0, LoggedPurpose::SameAs(0));
		assert!(DataAccess::do_try_state().is_err());
	});
}

// ---------------------------------------------------------------------------------------------
// End to end with the envelope helper
// ---------------------------------------------------------------------------------------------

#[test]
fn envelopes_from_the_helper_share_and_rotate_a_data_key() {
	use sharechain_envelope::{
		decrypt_payload, digest, encrypt_payload, open, seal, Binding, DataKey, PublicKey,
		StaticSecret,
	};

	build_and_execute(|| {
		let alice_secret = StaticSecret::from([0xa1; 32]);
		let bob_secret = StaticSecret::from([0xb0; 32]);
		let plaintext = b"trip log of March".to_vec();

		// The owner encrypts the payload, registers its digest and grants both readers.
		let key = DataKey::generate();
		let payload = encrypt_payload(&key, &plaintext).expect("encrypts");
		let id = NextDataSetId::<Test>::get();
		assert_ok!(DataAccess::register_data_set(
			RuntimeOrigin::signed(OWNER),
			digest(&payload),
			b"https://data.example/trips".to_vec(),
			vec![],
			PRICE
		));
		let binding = Binding { dataset_id: id, digest: digest(&payload) };
		for (who, secret) in [(ALICE, &alice_secret), (BOB, &bob_secret)] {
			let envelope = seal(&key, &PublicKey::from(secret), &binding).expect("seals");
			assert_ok!(DataAccess::grant(
				RuntimeOrigin::signed(OWNER),
				id,
				account(who),
				PURPOSE.to_vec(),
				None,
				None,
				envelope.to_vec()
			));
		}

		// Alice reads her envelope from the chain, opens it and decrypts the payload.
		let envelope_of = |who: AccountId| {
			DataAccess::grants_of(id)
				.into_iter()
				.find(|grant| grant.grantee == account(who))
				.map(|grant| grant.envelope)
				.expect("granted")
		};
		let on_chain = info(id);
		let binding = Binding { dataset_id: id, digest: on_chain.digest };
		assert_eq!(digest(&payload), on_chain.digest);
		let alice_key = open(&envelope_of(ALICE), &alice_secret, &binding).expect("opens");
		assert_eq!(decrypt_payload(&alice_key, &payload).expect("decrypts"), plaintext);
		assert_ok!(access(ALICE, id));
		// Bob cannot open Alice's envelope.
		assert!(open(&envelope_of(ALICE), &bob_secret, &binding).is_err());

		// Bob is revoked; the owner rotates the key for Alice only.
		let bob_old_key = open(&envelope_of(BOB), &bob_secret, &binding).expect("opens");
		assert_ok!(DataAccess::revoke(RuntimeOrigin::signed(OWNER), id, account(BOB)));
		let new_key = DataKey::generate();
		let new_payload = encrypt_payload(&new_key, &plaintext).expect("encrypts");
		let new_binding = Binding { dataset_id: id, digest: digest(&new_payload) };
		let new_envelope =
			seal(&new_key, &PublicKey::from(&alice_secret), &new_binding).expect("seals");
		assert_ok!(DataAccess::rotate_key(
			RuntimeOrigin::signed(OWNER),
			id,
			digest(&new_payload),
			vec![(account(ALICE), new_envelope.to_vec())]
		));

		let alice_new_key = open(&envelope_of(ALICE), &alice_secret, &new_binding).expect("opens");
		assert_eq!(decrypt_payload(&alice_new_key, &new_payload).expect("decrypts"), plaintext);
		// Bob's old key does not decrypt the new payload, and his grant is gone.
		assert!(decrypt_payload(&bob_old_key, &new_payload).is_err());
		assert_noop!(access(BOB, id), Error::<Test>::NoGrant);
		// The old envelope is bound to the old digest.
		assert!(open(&new_envelope, &alice_secret, &binding).is_err());
	});
}
