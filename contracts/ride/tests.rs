//! Off-chain unit tests: every message, every error. A refused message must leave balances,
//! rides, events and records exactly as they were.
//!
//! Default terms: minimum driver score 600 (the driver scores 650, a fresh account 500),
//! cancellation fee 30, no-show wait 5 blocks. Default ride: maximum fare 100, requested at
//! block 0, accepted at block 10 (no-show reportable from block 15), started at block 12,
//! completed at block 20 with a fare of 70.

use crate::ride::*;
use ink::{env::test, primitives::AccountId, scale::Decode};
use sharechain_extension::{
	testing::{FiledRecord, MockCredit},
	ExtensionError, RecordKind, SharechainEnvironment as Env, FN_CREDIT_SCORE,
	FN_FILE_CREDIT_RECORD, NEUTRAL_SCORE,
};

type Balance = u128;
type BlockNumber = u32;

const MIN_SCORE: u16 = 600;
const DRIVER_SCORE: u16 = 650;
const FEE: Balance = 30;
const WAIT: BlockNumber = 5;
const MAX_FARE: Balance = 100;
const FARE: Balance = 70;
const PICKUP: [u8; 32] = [0x11; 32];
const DROPOFF: [u8; 32] = [0x22; 32];
const FUNDS: Balance = 1_000_000;
const REQUESTED_AT: BlockNumber = 0;
const ACCEPTED_AT: BlockNumber = 10;
const NO_SHOW_AFTER: BlockNumber = ACCEPTED_AT + WAIT;
const STARTED_AT: BlockNumber = 12;
const COMPLETED_AT: BlockNumber = 20;

struct Ctx {
	rider: AccountId,
	driver: AccountId,
	arbiter: AccountId,
	stranger: AccountId,
	other_driver: AccountId,
	operator: AccountId,
	contract: AccountId,
	credit: MockCredit,
}

impl Ctx {
	fn accounts(&self) -> [AccountId; 7] {
		[
			self.rider,
			self.driver,
			self.arbiter,
			self.stranger,
			self.other_driver,
			self.operator,
			self.contract,
		]
	}
}

/// Funds the accounts, makes `contract` the callee, installs the mock extension and gives
/// both drivers enough score.
fn context() -> Ctx {
	let accounts = test::default_accounts::<Env>();
	let ctx = Ctx {
		rider: accounts.alice,
		driver: accounts.bob,
		arbiter: accounts.charlie,
		stranger: accounts.django,
		other_driver: accounts.eve,
		operator: accounts.frank,
		contract: AccountId::from([0xC0; 32]),
		credit: MockCredit::install(),
	};
	ctx.credit.set_contract(ctx.contract);
	ctx.credit.set_score(ctx.driver, DRIVER_SCORE);
	ctx.credit.set_score(ctx.other_driver, DRIVER_SCORE);
	for who in [ctx.rider, ctx.driver, ctx.arbiter, ctx.stranger, ctx.other_driver, ctx.operator] {
		test::set_account_balance::<Env>(who, FUNDS);
	}
	test::set_account_balance::<Env>(ctx.contract, 0);
	test::set_callee::<Env>(ctx.contract);
	at(REQUESTED_AT);
	ctx
}

fn setup_with_fee(fee: Balance) -> (Rides, Ctx) {
	let ctx = context();
	call(ctx.operator, 0);
	let rides = Rides::new(MIN_SCORE, fee, WAIT, ctx.arbiter).expect("valid terms");
	(rides, ctx)
}

fn setup() -> (Rides, Ctx) {
	setup_with_fee(FEE)
}

/// `rider` requests a ride with `max_fare` in escrow.
fn request_as(rides: &mut Rides, rider: AccountId, max_fare: Balance) -> RideId {
	pay_in(rider, max_fare);
	rides.request_ride(PICKUP, DROPOFF).expect("requested")
}

fn accept_as(rides: &mut Rides, driver: AccountId, id: RideId) {
	call(driver, 0);
	rides.accept_ride(id).expect("accepted");
}

/// Ride 0 requested at block 0 with the maximum fare [`MAX_FARE`].
fn requested_with_fee(fee: Balance) -> (Rides, Ctx, RideId) {
	let (mut rides, ctx) = setup_with_fee(fee);
	let id = request_as(&mut rides, ctx.rider, MAX_FARE);
	(rides, ctx, id)
}

fn requested() -> (Rides, Ctx, RideId) {
	requested_with_fee(FEE)
}

/// ... accepted by the driver at block 10.
fn accepted_with_fee(fee: Balance) -> (Rides, Ctx, RideId) {
	let (mut rides, ctx, id) = requested_with_fee(fee);
	at(ACCEPTED_AT);
	accept_as(&mut rides, ctx.driver, id);
	(rides, ctx, id)
}

fn accepted() -> (Rides, Ctx, RideId) {
	accepted_with_fee(FEE)
}

/// ... started at block 12.
fn started() -> (Rides, Ctx, RideId) {
	let (mut rides, ctx, id) = accepted();
	at(STARTED_AT);
	call(ctx.driver, 0);
	rides.start_ride(id).expect("started");
	(rides, ctx, id)
}

/// ... completed at block 20 with the fare [`FARE`].
fn completed() -> (Rides, Ctx, RideId) {
	let (mut rides, ctx, id) = started();
	at(COMPLETED_AT);
	call(ctx.driver, 0);
	rides.complete_ride(id, FARE).expect("completed");
	(rides, ctx, id)
}

/// Started, then disputed by `by` at block 15.
fn disputed_by(by: fn(&Ctx) -> AccountId) -> (Rides, Ctx, RideId) {
	let (mut rides, ctx, id) = started();
	at(15);
	call(by(&ctx), 0);
	rides.dispute(id).expect("disputed");
	(rides, ctx, id)
}

/// Sets the caller and the value sent, without moving funds (a refused call is reverted).
fn call(caller: AccountId, value: Balance) {
	test::set_caller::<Env>(caller);
	test::set_value_transferred::<Env>(value);
}

/// Sets the caller and moves `value` from it to the contract, as a successful call does.
fn pay_in(caller: AccountId, value: Balance) {
	test::set_caller::<Env>(caller);
	test::transfer_in::<Env>(value);
}

fn at(block: BlockNumber) {
	test::set_block_number::<Env>(block);
}

fn balance(who: AccountId) -> Balance {
	test::get_account_balance::<Env>(who).expect("account exists")
}

fn ride_of(rides: &Rides, id: RideId) -> Ride {
	rides.ride(id).expect("ride exists")
}

/// The events of type `E` emitted so far, in order.
fn events<E: ink::env::Event + Decode>() -> Vec<E> {
	let Some(signature) = E::SIGNATURE_TOPIC else { return Vec::new() };
	test::recorded_events()
		.filter(|event| event.topics.first().map(Vec::as_slice) == Some(&signature[..]))
		.map(|event| E::decode(&mut &event.data[..]).expect("event decodes"))
		.collect()
}

fn last_event<E: ink::env::Event + Decode>() -> E {
	events::<E>().pop().expect("event emitted")
}

#[derive(Debug, PartialEq)]
struct Snapshot {
	balances: [Balance; 7],
	events: usize,
	next_ride_id: RideId,
	rides: Vec<Option<Ride>>,
	config: Config,
	records: Vec<FiledRecord>,
}

fn snapshot(rides: &Rides, ctx: &Ctx) -> Snapshot {
	let next_ride_id = rides.next_ride_id();
	Snapshot {
		balances: ctx.accounts().map(balance),
		events: test::recorded_events().count(),
		next_ride_id,
		// One past the last ride too: a refused request must not create one.
		rides: (0..=next_ride_id).map(|id| rides.ride(id)).collect(),
		config: rides.config(),
		records: ctx.credit.records(),
	}
}

/// Calls `message` as `caller` sending `value`, expects `error` and no change at all.
fn assert_refused<T>(
	rides: &mut Rides,
	ctx: &Ctx,
	caller: AccountId,
	value: Balance,
	error: Error,
	message: impl FnOnce(&mut Rides) -> Result<T>,
) {
	call(caller, value);
	let before = snapshot(rides, ctx);
	assert_eq!(message(rides).err(), Some(error));
	assert_eq!(snapshot(rides, ctx), before, "a refused message changed something");
}

/// The deal reference, computed independently of the contract.
fn expected_deal(ctx: &Ctx, id: RideId, kind: RecordKind, rating: bool) -> [u8; 32] {
	let mut deal = [0u8; 32];
	ink::env::hash_encoded::<ink::env::hash::Blake2x256, _>(
		&(DEAL_DOMAIN, ctx.contract, id, kind.as_u8(), rating),
		&mut deal,
	);
	deal
}

/// A record filed when ride `ride` is settled: weight [`RECORD_WEIGHT`].
fn settlement_record(
	ctx: &Ctx,
	record_id: u64,
	subject: AccountId,
	kind: RecordKind,
	ride: RideId,
) -> FiledRecord {
	FiledRecord {
		id: record_id,
		subject,
		kind,
		weight: RECORD_WEIGHT,
		deal: expected_deal(ctx, ride, kind, false),
	}
}

/// A record filed by a rating on ride `ride`.
fn rating_record_of(
	ctx: &Ctx,
	record_id: u64,
	subject: AccountId,
	kind: RecordKind,
	weight: u32,
	ride: RideId,
) -> FiledRecord {
	FiledRecord { id: record_id, subject, kind, weight, deal: expected_deal(ctx, ride, kind, true) }
}

fn requested_ride(ctx: &Ctx) -> Ride {
	Ride {
		rider: ctx.rider,
		driver: None,
		pickup: PICKUP,
		dropoff: DROPOFF,
		max_fare: MAX_FARE,
		state: RideState::Requested,
		requested_at: REQUESTED_AT,
		accepted_at: None,
		started_at: None,
		disputed_by: None,
		settled_at: None,
		escrow: MAX_FARE,
		paid_to_driver: 0,
		refunded_to_rider: 0,
		stars_for_driver: None,
		stars_for_rider: None,
	}
}

// ---------------------------------------------------------------------------------------------
// new

#[ink::test]
fn new_sets_up_the_service() {
	let (rides, ctx) = setup();
	assert_eq!(
		rides.config(),
		Config {
			arbiter: ctx.arbiter,
			min_driver_score: MIN_SCORE,
			cancellation_fee: FEE,
			no_show_wait: WAIT,
		}
	);
	assert_eq!(rides.next_ride_id(), 0);
	assert_eq!(rides.ride(0), None);
	assert_eq!(
		last_event::<Configured>(),
		Configured {
			arbiter: ctx.arbiter,
			min_driver_score: MIN_SCORE,
			cancellation_fee: FEE,
			no_show_wait: WAIT,
		}
	);
	assert_eq!(balance(ctx.contract), 0);
}

#[ink::test]
fn new_rejects_invalid_terms() {
	let ctx = context();
	call(ctx.operator, 0);
	assert_eq!(Rides::new(1001, FEE, WAIT, ctx.arbiter).err(), Some(Error::ScoreOutOfRange));
	assert_eq!(Rides::new(u16::MAX, FEE, WAIT, ctx.arbiter).err(), Some(Error::ScoreOutOfRange));
	assert_eq!(Rides::new(MIN_SCORE, FEE, 0, ctx.arbiter).err(), Some(Error::ZeroNoShowWait));
	assert!(events::<Configured>().is_empty());
	// Edge values that are allowed.
	assert!(Rides::new(1000, 0, 1, ctx.arbiter).is_ok());
	assert!(Rides::new(0, u128::MAX, u32::MAX, ctx.operator).is_ok());
}

// ---------------------------------------------------------------------------------------------
// request_ride

#[ink::test]
fn request_ride_escrows_the_maximum_fare() {
	let (rides, ctx, id) = requested();
	assert_eq!(id, 0);
	assert_eq!(rides.next_ride_id(), 1);
	assert_eq!(ride_of(&rides, id), requested_ride(&ctx));
	assert_eq!(balance(ctx.contract), MAX_FARE);
	assert_eq!(balance(ctx.rider), FUNDS - MAX_FARE);
	assert_eq!(
		last_event::<RideRequested>(),
		RideRequested {
			id: 0,
			rider: ctx.rider,
			pickup: PICKUP,
			dropoff: DROPOFF,
			max_fare: MAX_FARE,
		}
	);
	assert!(ctx.credit.calls().is_empty());
}

#[ink::test]
fn request_ride_numbers_rides_in_order() {
	let (mut rides, ctx, first) = requested();
	at(3);
	let second = request_as(&mut rides, ctx.stranger, 250);
	let third = request_as(&mut rides, ctx.rider, 1);
	assert_eq!((first, second, third), (0, 1, 2));
	assert_eq!(rides.next_ride_id(), 3);
	let ride = ride_of(&rides, second);
	assert_eq!((ride.rider, ride.max_fare, ride.requested_at), (ctx.stranger, 250, 3));
	assert_eq!(ride_of(&rides, third).max_fare, 1);
	assert_eq!(balance(ctx.contract), MAX_FARE + 250 + 1);
	assert_eq!(events::<RideRequested>().len(), 3);
}

#[ink::test]
fn request_ride_refusals() {
	let (mut rides, ctx) = setup();
	let request = |r: &mut Rides| r.request_ride(PICKUP, DROPOFF);
	// Too little value: nothing.
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::ZeroFare, request);
	// The arbiter cannot ride.
	assert_refused(&mut rides, &ctx, ctx.arbiter, MAX_FARE, Error::ArbiterIsParty, request);
	assert_eq!(rides.next_ride_id(), 0);
}

// ---------------------------------------------------------------------------------------------
// cancel_request

#[ink::test]
fn cancel_request_refunds_in_full() {
	let (mut rides, ctx, id) = requested();
	at(4);
	call(ctx.rider, 0);
	assert_eq!(rides.cancel_request(id), Ok(()));
	assert_eq!(balance(ctx.rider), FUNDS);
	assert_eq!(balance(ctx.contract), 0);
	assert_eq!(
		ride_of(&rides, id),
		Ride {
			state: RideState::Withdrawn,
			settled_at: Some(4),
			escrow: 0,
			refunded_to_rider: MAX_FARE,
			..requested_ride(&ctx)
		}
	);
	assert_eq!(
		last_event::<RequestCancelled>(),
		RequestCancelled { id, rider: ctx.rider, refund: MAX_FARE }
	);
	// Free: no record.
	assert_eq!(ctx.credit.call_count(FN_FILE_CREDIT_RECORD), 0);
	// Twice, and nobody can accept it any more.
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.cancel_request(id));
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::NotRequested, |r| r.accept_ride(id));
}

#[ink::test]
fn cancel_request_refusals() {
	let (mut rides, ctx, id) = requested();
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::RideNotFound, |r| r.cancel_request(1));
	for caller in [ctx.driver, ctx.arbiter, ctx.stranger] {
		assert_refused(&mut rides, &ctx, caller, 0, Error::NotRider, |r| r.cancel_request(id));
	}
	// Once accepted, cancelling costs the fee: `cancel_by_rider`.
	accept_as(&mut rides, ctx.driver, id);
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.cancel_request(id));
}

// ---------------------------------------------------------------------------------------------
// accept_ride

#[ink::test]
fn accept_ride_by_a_driver_with_enough_score() {
	let (rides, ctx, id) = accepted();
	assert_eq!(
		ride_of(&rides, id),
		Ride {
			driver: Some(ctx.driver),
			state: RideState::Accepted,
			accepted_at: Some(ACCEPTED_AT),
			..requested_ride(&ctx)
		}
	);
	assert_eq!(
		last_event::<RideAccepted>(),
		RideAccepted {
			id,
			rider: ctx.rider,
			driver: ctx.driver,
			score: DRIVER_SCORE,
			no_show_after: NO_SHOW_AFTER,
		}
	);
	assert_eq!(ctx.credit.call_count(FN_CREDIT_SCORE), 1);
	// Nothing moved.
	assert_eq!(balance(ctx.contract), MAX_FARE);
	assert_eq!(balance(ctx.driver), FUNDS);
	assert!(ctx.credit.records().is_empty());
}

#[ink::test]
fn accept_ride_checks_the_driver_score() {
	let (mut rides, ctx, id) = requested();
	ctx.credit.set_score(ctx.driver, MIN_SCORE - 1);
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::ScoreTooLow, |r| r.accept_ride(id));
	// A fresh account scores 500, below the minimum.
	assert_eq!(ctx.credit.score(&ctx.stranger), NEUTRAL_SCORE);
	assert_refused(&mut rides, &ctx, ctx.stranger, 0, Error::ScoreTooLow, |r| r.accept_ride(id));
	// Exactly the minimum is enough.
	ctx.credit.set_score(ctx.driver, MIN_SCORE);
	call(ctx.driver, 0);
	assert_eq!(rides.accept_ride(id), Ok(()));
	assert_eq!(last_event::<RideAccepted>().score, MIN_SCORE);
}

#[ink::test]
fn accept_ride_fails_when_the_score_is_unavailable() {
	let (mut rides, ctx, id) = requested();
	ctx.credit.fail_next(FN_CREDIT_SCORE, ExtensionError::Other);
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::CreditScoreUnavailable, |r| {
		r.accept_ride(id)
	});
}

#[ink::test]
fn accept_ride_refusals() {
	let (mut rides, ctx, id) = requested();
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::RideNotFound, |r| r.accept_ride(1));
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::DriverIsRider, |r| r.accept_ride(id));
	ctx.credit.set_score(ctx.arbiter, 1000);
	assert_refused(&mut rides, &ctx, ctx.arbiter, 0, Error::ArbiterIsParty, |r| r.accept_ride(id));
	// The score is not even read for those.
	assert_eq!(ctx.credit.call_count(FN_CREDIT_SCORE), 0);
}

#[ink::test]
fn accepting_a_taken_ride_is_refused() {
	let (mut rides, ctx, id) = accepted();
	assert_refused(&mut rides, &ctx, ctx.other_driver, 0, Error::RideTaken, |r| r.accept_ride(id));
	// Twice.
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::RideTaken, |r| r.accept_ride(id));
	call(ctx.driver, 0);
	rides.start_ride(id).expect("started");
	assert_refused(&mut rides, &ctx, ctx.other_driver, 0, Error::RideTaken, |r| r.accept_ride(id));
	// Only one score read: the successful acceptance.
	assert_eq!(ctx.credit.call_count(FN_CREDIT_SCORE), 1);
}

// ---------------------------------------------------------------------------------------------
// cancel_by_rider

#[ink::test]
fn rider_cancelling_after_acceptance_pays_the_fee() {
	let (mut rides, ctx, id) = accepted();
	at(11);
	call(ctx.rider, 0);
	assert_eq!(rides.cancel_by_rider(id), Ok(()));
	assert_eq!(balance(ctx.driver), FUNDS + FEE);
	assert_eq!(balance(ctx.rider), FUNDS - FEE);
	assert_eq!(balance(ctx.contract), 0);
	let ride = ride_of(&rides, id);
	assert_eq!(ride.state, RideState::CancelledByRider);
	assert_eq!(
		(ride.escrow, ride.paid_to_driver, ride.refunded_to_rider, ride.settled_at),
		(0, FEE, MAX_FARE - FEE, Some(11))
	);
	assert_eq!(
		last_event::<RideCancelled>(),
		RideCancelled { id, by: ctx.rider, fee: FEE, refund: MAX_FARE - FEE }
	);
	let expected = settlement_record(&ctx, 0, ctx.rider, RecordKind::Cancellation, id);
	assert_eq!(ctx.credit.records(), vec![expected.clone()]);
	assert_eq!(
		last_event::<RecordFiled>(),
		RecordFiled {
			id,
			subject: ctx.rider,
			kind: RecordKind::Cancellation,
			weight: RECORD_WEIGHT,
			record_id: 0,
			deal: expected.deal,
		}
	);
	// Twice.
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.cancel_by_rider(id));
}

#[ink::test]
fn the_cancellation_fee_is_capped_at_the_maximum_fare() {
	let (mut rides, ctx, id) = accepted_with_fee(MAX_FARE + 400);
	call(ctx.rider, 0);
	assert_eq!(rides.cancel_by_rider(id), Ok(()));
	assert_eq!(balance(ctx.driver), FUNDS + MAX_FARE);
	assert_eq!(balance(ctx.rider), FUNDS - MAX_FARE);
	assert_eq!(last_event::<RideCancelled>().refund, 0);
	assert_eq!(last_event::<RideCancelled>().fee, MAX_FARE);
}

#[ink::test]
fn without_a_fee_cancelling_is_a_full_refund_but_still_recorded() {
	let (mut rides, ctx, id) = accepted_with_fee(0);
	call(ctx.rider, 0);
	assert_eq!(rides.cancel_by_rider(id), Ok(()));
	assert_eq!(balance(ctx.rider), FUNDS);
	assert_eq!(balance(ctx.driver), FUNDS);
	assert_eq!(ctx.credit.kinds_of(&ctx.rider), vec![RecordKind::Cancellation]);
}

#[ink::test]
fn cancel_by_rider_refusals() {
	let (mut rides, ctx, id) = requested();
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::RideNotFound, |r| r.cancel_by_rider(1));
	// Before acceptance: `cancel_request` (free).
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.cancel_by_rider(id));
	accept_as(&mut rides, ctx.driver, id);
	for caller in [ctx.driver, ctx.arbiter, ctx.stranger, ctx.other_driver] {
		assert_refused(&mut rides, &ctx, caller, 0, Error::NotRider, |r| r.cancel_by_rider(id));
	}
	call(ctx.driver, 0);
	rides.start_ride(id).expect("started");
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.cancel_by_rider(id));
}

// ---------------------------------------------------------------------------------------------
// cancel_by_driver

#[ink::test]
fn driver_cancelling_refunds_the_rider_in_full() {
	let (mut rides, ctx, id) = accepted();
	at(13);
	call(ctx.driver, 0);
	assert_eq!(rides.cancel_by_driver(id), Ok(()));
	assert_eq!(balance(ctx.rider), FUNDS);
	assert_eq!(balance(ctx.driver), FUNDS);
	assert_eq!(balance(ctx.contract), 0);
	let ride = ride_of(&rides, id);
	assert_eq!(ride.state, RideState::CancelledByDriver);
	assert_eq!(
		(ride.escrow, ride.paid_to_driver, ride.refunded_to_rider, ride.settled_at),
		(0, 0, MAX_FARE, Some(13))
	);
	assert_eq!(
		last_event::<RideCancelled>(),
		RideCancelled { id, by: ctx.driver, fee: 0, refund: MAX_FARE }
	);
	assert_eq!(
		ctx.credit.records(),
		vec![settlement_record(&ctx, 0, ctx.driver, RecordKind::Cancellation, id)]
	);
	assert!(ctx.credit.kinds_of(&ctx.rider).is_empty());
	// Twice.
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.cancel_by_driver(id));
}

#[ink::test]
fn cancel_by_driver_refusals() {
	let (mut rides, ctx, id) = requested();
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::RideNotFound, |r| r.cancel_by_driver(1));
	// Nobody is the driver yet.
	for caller in [ctx.driver, ctx.rider] {
		assert_refused(&mut rides, &ctx, caller, 0, Error::NotDriver, |r| r.cancel_by_driver(id));
	}
	accept_as(&mut rides, ctx.driver, id);
	for caller in [ctx.rider, ctx.arbiter, ctx.stranger, ctx.other_driver] {
		assert_refused(&mut rides, &ctx, caller, 0, Error::NotDriver, |r| r.cancel_by_driver(id));
	}
	call(ctx.driver, 0);
	rides.start_ride(id).expect("started");
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.cancel_by_driver(id));
}

// ---------------------------------------------------------------------------------------------
// report_no_show

#[ink::test]
fn no_show_pays_the_fee_and_files_a_record() {
	let (mut rides, ctx, id) = accepted();
	at(NO_SHOW_AFTER);
	call(ctx.driver, 0);
	assert_eq!(rides.report_no_show(id), Ok(()));
	assert_eq!(balance(ctx.driver), FUNDS + FEE);
	assert_eq!(balance(ctx.rider), FUNDS - FEE);
	assert_eq!(balance(ctx.contract), 0);
	let ride = ride_of(&rides, id);
	assert_eq!(ride.state, RideState::RiderNoShow);
	assert_eq!(
		(ride.escrow, ride.paid_to_driver, ride.refunded_to_rider, ride.settled_at),
		(0, FEE, MAX_FARE - FEE, Some(NO_SHOW_AFTER))
	);
	assert_eq!(
		last_event::<NoShowReported>(),
		NoShowReported {
			id,
			rider: ctx.rider,
			driver: ctx.driver,
			fee: FEE,
			refund: MAX_FARE - FEE,
		}
	);
	assert_eq!(
		ctx.credit.records(),
		vec![settlement_record(&ctx, 0, ctx.rider, RecordKind::NoShow, id)]
	);
	// Twice.
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.report_no_show(id));
	// The rider cannot cancel or dispute any more either.
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.cancel_by_rider(id));
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.dispute(id));
}

#[ink::test]
fn no_show_fee_is_capped_at_the_maximum_fare() {
	let (mut rides, ctx, id) = accepted_with_fee(u128::MAX);
	at(NO_SHOW_AFTER + 100);
	call(ctx.driver, 0);
	assert_eq!(rides.report_no_show(id), Ok(()));
	assert_eq!(balance(ctx.driver), FUNDS + MAX_FARE);
	assert_eq!(balance(ctx.rider), FUNDS - MAX_FARE);
}

#[ink::test]
fn report_no_show_refusals() {
	let (mut rides, ctx, id) = requested();
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::RideNotFound, |r| r.report_no_show(1));
	at(NO_SHOW_AFTER);
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::NotDriver, |r| r.report_no_show(id));
	at(ACCEPTED_AT);
	accept_as(&mut rides, ctx.driver, id);
	at(NO_SHOW_AFTER - 1);
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::NoShowWaitNotOver, |r| {
		r.report_no_show(id)
	});
	at(NO_SHOW_AFTER);
	for caller in [ctx.rider, ctx.arbiter, ctx.stranger, ctx.other_driver] {
		assert_refused(&mut rides, &ctx, caller, 0, Error::NotDriver, |r| r.report_no_show(id));
	}
	// The rider showed up late: once started, no no-show.
	call(ctx.driver, 0);
	rides.start_ride(id).expect("started");
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.report_no_show(id));
}

// ---------------------------------------------------------------------------------------------
// start_ride

#[ink::test]
fn start_ride_by_the_driver() {
	let (rides, ctx, id) = started();
	let ride = ride_of(&rides, id);
	assert_eq!((ride.state, ride.started_at), (RideState::Started, Some(STARTED_AT)));
	assert_eq!(last_event::<RideStarted>(), RideStarted { id, driver: ctx.driver, at: STARTED_AT });
	// Nothing moved.
	assert_eq!(balance(ctx.contract), MAX_FARE);
	assert!(ctx.credit.records().is_empty());
}

#[ink::test]
fn start_ride_refusals() {
	let (mut rides, ctx, id) = requested();
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::RideNotFound, |r| r.start_ride(1));
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::NotDriver, |r| r.start_ride(id));
	accept_as(&mut rides, ctx.driver, id);
	for caller in [ctx.rider, ctx.arbiter, ctx.stranger, ctx.other_driver] {
		assert_refused(&mut rides, &ctx, caller, 0, Error::NotDriver, |r| r.start_ride(id));
	}
	call(ctx.driver, 0);
	assert_eq!(rides.start_ride(id), Ok(()));
	// Twice.
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.start_ride(id));
}

#[ink::test]
fn start_ride_after_a_cancellation_is_refused() {
	let (mut rides, ctx, id) = accepted();
	call(ctx.rider, 0);
	rides.cancel_by_rider(id).expect("cancelled");
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.start_ride(id));
}

// ---------------------------------------------------------------------------------------------
// complete_ride

#[ink::test]
fn complete_ride_pays_the_fare_and_refunds_the_rest() {
	let (mut rides, ctx, id) = completed();
	assert_eq!(balance(ctx.driver), FUNDS + FARE);
	assert_eq!(balance(ctx.rider), FUNDS - FARE);
	assert_eq!(balance(ctx.contract), 0);
	assert_eq!(
		ride_of(&rides, id),
		Ride {
			driver: Some(ctx.driver),
			state: RideState::Completed,
			accepted_at: Some(ACCEPTED_AT),
			started_at: Some(STARTED_AT),
			settled_at: Some(COMPLETED_AT),
			escrow: 0,
			paid_to_driver: FARE,
			refunded_to_rider: MAX_FARE - FARE,
			..requested_ride(&ctx)
		}
	);
	assert_eq!(
		last_event::<RideCompleted>(),
		RideCompleted {
			id,
			rider: ctx.rider,
			driver: ctx.driver,
			fare: FARE,
			refund: MAX_FARE - FARE,
		}
	);
	assert_eq!(
		ctx.credit.records(),
		vec![
			settlement_record(&ctx, 0, ctx.rider, RecordKind::CompletedDeal, id),
			settlement_record(&ctx, 1, ctx.driver, RecordKind::CompletedDeal, id),
		]
	);
	let filed: Vec<_> = events::<RecordFiled>().into_iter().map(|e| (e.subject, e.kind)).collect();
	assert_eq!(
		filed,
		vec![(ctx.rider, RecordKind::CompletedDeal), (ctx.driver, RecordKind::CompletedDeal)]
	);
	// Twice.
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| {
		r.complete_ride(id, FARE)
	});
}

#[ink::test]
fn complete_ride_at_the_maximum_or_for_free() {
	let (mut rides, ctx, id) = started();
	let free = request_as(&mut rides, ctx.stranger, 40);
	accept_as(&mut rides, ctx.other_driver, free);
	rides.start_ride(free).expect("started");

	call(ctx.driver, 0);
	assert_eq!(rides.complete_ride(id, MAX_FARE), Ok(()));
	assert_eq!(balance(ctx.driver), FUNDS + MAX_FARE);
	assert_eq!(balance(ctx.rider), FUNDS - MAX_FARE);
	assert_eq!(last_event::<RideCompleted>().refund, 0);

	call(ctx.other_driver, 0);
	assert_eq!(rides.complete_ride(free, 0), Ok(()));
	assert_eq!(balance(ctx.other_driver), FUNDS);
	assert_eq!(balance(ctx.stranger), FUNDS);
	assert_eq!(balance(ctx.contract), 0);
	assert_eq!(ctx.credit.kinds_of(&ctx.stranger), vec![RecordKind::CompletedDeal]);
}

#[ink::test]
fn complete_ride_refusals() {
	let (mut rides, ctx, id) = accepted();
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::RideNotFound, |r| {
		r.complete_ride(1, FARE)
	});
	// Not started.
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| {
		r.complete_ride(id, FARE)
	});
	call(ctx.driver, 0);
	rides.start_ride(id).expect("started");
	for caller in [ctx.rider, ctx.arbiter, ctx.stranger, ctx.other_driver] {
		assert_refused(&mut rides, &ctx, caller, 0, Error::NotDriver, |r| {
			r.complete_ride(id, FARE)
		});
	}
	for fare in [MAX_FARE + 1, u128::MAX] {
		assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::FareAboveMaximum, |r| {
			r.complete_ride(id, fare)
		});
	}
}

#[ink::test]
fn refused_records_do_not_block_the_payment() {
	let (mut rides, ctx, id) = started();
	ctx.credit.set_reporter(false);
	call(ctx.driver, 0);
	assert_eq!(rides.complete_ride(id, FARE), Ok(()));
	assert_eq!(ride_of(&rides, id).state, RideState::Completed);
	assert_eq!(balance(ctx.driver), FUNDS + FARE);
	assert_eq!(balance(ctx.rider), FUNDS - FARE);
	assert!(ctx.credit.records().is_empty());
	assert!(events::<RecordFiled>().is_empty());
	assert_eq!(
		events::<RecordNotFiled>(),
		vec![
			RecordNotFiled {
				id,
				subject: ctx.rider,
				kind: RecordKind::CompletedDeal,
				weight: RECORD_WEIGHT,
				error: ExtensionError::NotReporter,
				deal: expected_deal(&ctx, id, RecordKind::CompletedDeal, false),
			},
			RecordNotFiled {
				id,
				subject: ctx.driver,
				kind: RecordKind::CompletedDeal,
				weight: RECORD_WEIGHT,
				error: ExtensionError::NotReporter,
				deal: expected_deal(&ctx, id, RecordKind::CompletedDeal, false),
			},
		]
	);
	assert_eq!(ctx.credit.call_count(FN_FILE_CREDIT_RECORD), 2);
}

#[ink::test]
fn refused_records_do_not_block_cancellations_or_no_shows() {
	let (mut rides, ctx, id) = accepted();
	ctx.credit.set_reporter(false);
	at(NO_SHOW_AFTER);
	call(ctx.driver, 0);
	assert_eq!(rides.report_no_show(id), Ok(()));
	assert_eq!(balance(ctx.driver), FUNDS + FEE);
	let second = request_as(&mut rides, ctx.rider, MAX_FARE);
	accept_as(&mut rides, ctx.driver, second);
	call(ctx.rider, 0);
	assert_eq!(rides.cancel_by_rider(second), Ok(()));
	assert_eq!(balance(ctx.driver), FUNDS + 2 * FEE);
	assert_eq!(balance(ctx.rider), FUNDS - 2 * FEE);
	let refused: Vec<_> =
		events::<RecordNotFiled>().into_iter().map(|e| (e.id, e.kind, e.error)).collect();
	assert_eq!(
		refused,
		vec![
			(id, RecordKind::NoShow, ExtensionError::NotReporter),
			(second, RecordKind::Cancellation, ExtensionError::NotReporter),
		]
	);
}

// ---------------------------------------------------------------------------------------------
// rate

#[ink::test]
fn rating_files_a_record_on_the_other_side() {
	let (mut rides, ctx, id) = completed();
	call(ctx.rider, 0);
	assert_eq!(rides.rate(id, 5), Ok(()));
	assert_eq!(last_event::<Rated>(), Rated { id, by: ctx.rider, subject: ctx.driver, stars: 5 });
	call(ctx.driver, 0);
	assert_eq!(rides.rate(id, 1), Ok(()));
	assert_eq!(last_event::<Rated>(), Rated { id, by: ctx.driver, subject: ctx.rider, stars: 1 });
	let ride = ride_of(&rides, id);
	assert_eq!((ride.stars_for_driver, ride.stars_for_rider), (Some(5), Some(1)));
	// The completion's records, then one per rating under the rating deal references: the
	// driver's two `CompletedDeal` records do not collide.
	assert_eq!(
		ctx.credit.records(),
		vec![
			settlement_record(&ctx, 0, ctx.rider, RecordKind::CompletedDeal, id),
			settlement_record(&ctx, 1, ctx.driver, RecordKind::CompletedDeal, id),
			rating_record_of(&ctx, 2, ctx.driver, RecordKind::CompletedDeal, 2, id),
			rating_record_of(&ctx, 3, ctx.rider, RecordKind::Damage, 2, id),
		]
	);
	assert_eq!(
		last_event::<RecordFiled>(),
		RecordFiled {
			id,
			subject: ctx.rider,
			kind: RecordKind::Damage,
			weight: 2,
			record_id: 3,
			deal: expected_deal(&ctx, id, RecordKind::Damage, true),
		}
	);
	// No money moves.
	assert_eq!(balance(ctx.contract), 0);
	assert_eq!(balance(ctx.driver), FUNDS + FARE);
	// Twice, each side.
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::AlreadyRated, |r| r.rate(id, 4));
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::AlreadyRated, |r| r.rate(id, 4));
}

#[ink::test]
fn every_rating_maps_to_its_record() {
	let (mut rides, ctx) = setup();
	let mut filed = Vec::new();
	for stars in MIN_STARS..=MAX_STARS {
		let id = request_as(&mut rides, ctx.rider, MAX_FARE);
		accept_as(&mut rides, ctx.driver, id);
		rides.start_ride(id).expect("started");
		rides.complete_ride(id, FARE).expect("completed");
		let before = ctx.credit.records().len();
		call(ctx.rider, 0);
		assert_eq!(rides.rate(id, stars), Ok(()));
		assert_eq!(ride_of(&rides, id).stars_for_driver, Some(stars));
		let new: Vec<_> = ctx.credit.records().split_off(before);
		filed.push(new.iter().map(|r| (r.subject, r.kind, r.weight)).collect::<Vec<_>>());
		assert_eq!(
			rating_record(stars).map(|(k, w)| (ctx.driver, k, w)),
			new.first().map(|r| (r.subject, r.kind, r.weight))
		);
	}
	assert_eq!(
		filed,
		vec![
			vec![(ctx.driver, RecordKind::Damage, 2)],
			vec![(ctx.driver, RecordKind::Damage, 1)],
			vec![],
			vec![(ctx.driver, RecordKind::CompletedDeal, 1)],
			vec![(ctx.driver, RecordKind::CompletedDeal, 2)],
		]
	);
	assert_eq!(events::<Rated>().len(), 5);
}

#[ink::test]
fn rating_record_table() {
	assert_eq!(rating_record(0), None);
	assert_eq!(rating_record(1), Some((RecordKind::Damage, 2)));
	assert_eq!(rating_record(2), Some((RecordKind::Damage, 1)));
	assert_eq!(rating_record(3), None);
	assert_eq!(rating_record(4), Some((RecordKind::CompletedDeal, 1)));
	assert_eq!(rating_record(5), Some((RecordKind::CompletedDeal, 2)));
	assert_eq!(rating_record(6), None);
	assert_eq!(rating_record(u8::MAX), None);
}

#[ink::test]
fn rate_refusals() {
	let (mut rides, ctx, id) = started();
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::RideNotFound, |r| r.rate(1, 5));
	// Not completed yet.
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.rate(id, 5));
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.rate(id, 5));
	call(ctx.driver, 0);
	rides.complete_ride(id, FARE).expect("completed");
	for caller in [ctx.arbiter, ctx.stranger, ctx.other_driver] {
		assert_refused(&mut rides, &ctx, caller, 0, Error::NotParty, |r| r.rate(id, 5));
	}
	for stars in [0, 6, u8::MAX] {
		assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::InvalidStars, |r| r.rate(id, stars));
		assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::InvalidStars, |r| r.rate(id, stars));
	}
	// A neutral rating files nothing but still counts as the rating.
	call(ctx.driver, 0);
	assert_eq!(rides.rate(id, 3), Ok(()));
	assert_eq!(ctx.credit.records().len(), 2);
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::AlreadyRated, |r| r.rate(id, 5));
}

#[ink::test]
fn rating_a_cancelled_or_requested_ride_is_refused() {
	let (mut rides, ctx, id) = accepted();
	call(ctx.rider, 0);
	rides.cancel_by_rider(id).expect("cancelled");
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.rate(id, 5));
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.rate(id, 1));
	let open = request_as(&mut rides, ctx.rider, MAX_FARE);
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.rate(open, 5));
	// Without a driver, nobody else is a party.
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::NotParty, |r| r.rate(open, 5));
}

#[ink::test]
fn a_refused_rating_record_still_records_the_rating() {
	let (mut rides, ctx, id) = completed();
	ctx.credit.set_reporter(false);
	call(ctx.rider, 0);
	assert_eq!(rides.rate(id, 4), Ok(()));
	assert_eq!(ride_of(&rides, id).stars_for_driver, Some(4));
	assert_eq!(
		last_event::<RecordNotFiled>(),
		RecordNotFiled {
			id,
			subject: ctx.driver,
			kind: RecordKind::CompletedDeal,
			weight: 1,
			error: ExtensionError::NotReporter,
			deal: expected_deal(&ctx, id, RecordKind::CompletedDeal, true),
		}
	);
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::AlreadyRated, |r| r.rate(id, 4));
}

// ---------------------------------------------------------------------------------------------
// dispute

#[ink::test]
fn rider_disputes_a_started_ride() {
	let (mut rides, ctx, id) = disputed_by(|ctx| ctx.rider);
	let ride = ride_of(&rides, id);
	assert_eq!(
		(ride.state, ride.disputed_by, ride.escrow),
		(RideState::Disputed, Some(ctx.rider), MAX_FARE)
	);
	assert_eq!(last_event::<RideDisputed>(), RideDisputed { id, by: ctx.rider, held: MAX_FARE });
	// Held: nothing moved, and neither side can settle it any more.
	assert_eq!(balance(ctx.contract), MAX_FARE);
	assert_eq!(balance(ctx.rider), FUNDS - MAX_FARE);
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| {
		r.complete_ride(id, FARE)
	});
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.rate(id, 5));
	// Twice, by either side.
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.dispute(id));
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.dispute(id));
}

#[ink::test]
fn driver_disputes_a_started_ride() {
	let (rides, ctx, id) = disputed_by(|ctx| ctx.driver);
	assert_eq!(ride_of(&rides, id).disputed_by, Some(ctx.driver));
	assert_eq!(last_event::<RideDisputed>().by, ctx.driver);
}

#[ink::test]
fn rider_disputes_a_ride_the_driver_never_started() {
	let (mut rides, ctx, id) = accepted();
	at(NO_SHOW_AFTER - 1);
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::NoShowWaitNotOver, |r| r.dispute(id));
	at(NO_SHOW_AFTER);
	// The driver has `report_no_show` for an accepted ride.
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::NotRider, |r| r.dispute(id));
	call(ctx.rider, 0);
	assert_eq!(rides.dispute(id), Ok(()));
	assert_eq!(ride_of(&rides, id).state, RideState::Disputed);
	// The driver can no longer report a no-show, start or cancel.
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.report_no_show(id));
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.start_ride(id));
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.cancel_by_driver(id));
}

#[ink::test]
fn dispute_refusals() {
	let (mut rides, ctx, id) = requested();
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::RideNotFound, |r| r.dispute(1));
	// Nothing to dispute before acceptance: `cancel_request` is free.
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.dispute(id));
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::NotParty, |r| r.dispute(id));
	accept_as(&mut rides, ctx.driver, id);
	call(ctx.driver, 0);
	rides.start_ride(id).expect("started");
	for caller in [ctx.arbiter, ctx.stranger, ctx.other_driver] {
		assert_refused(&mut rides, &ctx, caller, 0, Error::NotParty, |r| r.dispute(id));
	}
	// Completed: the money is paid out, complaints go into the rating.
	call(ctx.driver, 0);
	rides.complete_ride(id, FARE).expect("completed");
	assert_refused(&mut rides, &ctx, ctx.rider, 0, Error::WrongState, |r| r.dispute(id));
	assert_refused(&mut rides, &ctx, ctx.driver, 0, Error::WrongState, |r| r.dispute(id));
}

// ---------------------------------------------------------------------------------------------
// resolve_dispute

#[ink::test]
fn resolve_dispute_splits_the_escrow() {
	let (mut rides, ctx, id) = disputed_by(|ctx| ctx.rider);
	at(30);
	call(ctx.arbiter, 0);
	assert_eq!(rides.resolve_dispute(id, 40), Ok(()));
	assert_eq!(balance(ctx.driver), FUNDS + 40);
	assert_eq!(balance(ctx.rider), FUNDS - 40);
	assert_eq!(balance(ctx.arbiter), FUNDS);
	assert_eq!(balance(ctx.contract), 0);
	let ride = ride_of(&rides, id);
	assert_eq!(
		(ride.state, ride.escrow, ride.paid_to_driver, ride.refunded_to_rider, ride.settled_at),
		(RideState::Resolved, 0, 40, MAX_FARE - 40, Some(30))
	);
	assert_eq!(
		last_event::<DisputeResolved>(),
		DisputeResolved { id, arbiter: ctx.arbiter, to_driver: 40, to_rider: MAX_FARE - 40 }
	);
	// No record from the resolution itself.
	assert!(ctx.credit.records().is_empty());
	// Twice.
	assert_refused(&mut rides, &ctx, ctx.arbiter, 0, Error::WrongState, |r| {
		r.resolve_dispute(id, 0)
	});
	// Both sides may rate a resolved ride.
	call(ctx.rider, 0);
	assert_eq!(rides.rate(id, 2), Ok(()));
	call(ctx.driver, 0);
	assert_eq!(rides.rate(id, 4), Ok(()));
	assert_eq!(
		ctx.credit.records(),
		vec![
			rating_record_of(&ctx, 0, ctx.driver, RecordKind::Damage, 1, id),
			rating_record_of(&ctx, 1, ctx.rider, RecordKind::CompletedDeal, 1, id),
		]
	);
}

#[ink::test]
fn resolve_dispute_all_to_one_side() {
	let (mut rides, ctx, id) = disputed_by(|ctx| ctx.driver);
	let second = request_as(&mut rides, ctx.stranger, 60);
	accept_as(&mut rides, ctx.other_driver, second);
	rides.start_ride(second).expect("started");
	call(ctx.stranger, 0);
	rides.dispute(second).expect("disputed");

	call(ctx.arbiter, 0);
	assert_eq!(rides.resolve_dispute(id, MAX_FARE), Ok(()));
	assert_eq!(balance(ctx.driver), FUNDS + MAX_FARE);
	assert_eq!(balance(ctx.rider), FUNDS - MAX_FARE);
	assert_eq!(last_event::<DisputeResolved>().to_rider, 0);
	// The other ride's escrow is untouched.
	assert_eq!(balance(ctx.contract), 60);
	assert_eq!(ride_of(&rides, second).escrow, 60);

	assert_eq!(rides.resolve_dispute(second, 0), Ok(()));
	assert_eq!(balance(ctx.other_driver), FUNDS);
	assert_eq!(balance(ctx.stranger), FUNDS);
	assert_eq!(balance(ctx.contract), 0);
}

#[ink::test]
fn resolve_a_driver_who_never_came() {
	let (mut rides, ctx, id) = accepted();
	at(NO_SHOW_AFTER);
	call(ctx.rider, 0);
	rides.dispute(id).expect("disputed");
	call(ctx.arbiter, 0);
	assert_eq!(rides.resolve_dispute(id, 0), Ok(()));
	assert_eq!(balance(ctx.rider), FUNDS);
	assert_eq!(balance(ctx.driver), FUNDS);
	call(ctx.rider, 0);
	assert_eq!(rides.rate(id, 1), Ok(()));
	assert_eq!(
		ctx.credit.records(),
		vec![rating_record_of(&ctx, 0, ctx.driver, RecordKind::Damage, 2, id)]
	);
}

#[ink::test]
fn resolve_dispute_refusals() {
	let (mut rides, ctx, id) = started();
	assert_refused(&mut rides, &ctx, ctx.arbiter, 0, Error::RideNotFound, |r| {
		r.resolve_dispute(1, 0)
	});
	// Not disputed.
	assert_refused(&mut rides, &ctx, ctx.arbiter, 0, Error::WrongState, |r| {
		r.resolve_dispute(id, 0)
	});
	call(ctx.rider, 0);
	rides.dispute(id).expect("disputed");
	for caller in [ctx.rider, ctx.driver, ctx.stranger, ctx.operator] {
		assert_refused(&mut rides, &ctx, caller, 0, Error::NotArbiter, |r| {
			r.resolve_dispute(id, 10)
		});
	}
	for amount in [MAX_FARE + 1, u128::MAX] {
		assert_refused(&mut rides, &ctx, ctx.arbiter, 0, Error::InvalidAmount, |r| {
			r.resolve_dispute(id, amount)
		});
	}
}

// ---------------------------------------------------------------------------------------------
// many rides, unknown rides, deal references

#[ink::test]
fn rides_keep_their_own_escrow() {
	let (mut rides, ctx, first) = accepted();
	let second = request_as(&mut rides, ctx.stranger, 250);
	accept_as(&mut rides, ctx.other_driver, second);
	// The same driver may take several rides.
	let third = request_as(&mut rides, ctx.operator, 80);
	accept_as(&mut rides, ctx.driver, third);
	assert_eq!(balance(ctx.contract), MAX_FARE + 250 + 80);

	call(ctx.other_driver, 0);
	rides.start_ride(second).expect("started");
	rides.complete_ride(second, 200).expect("completed");
	assert_eq!(balance(ctx.other_driver), FUNDS + 200);
	assert_eq!(balance(ctx.stranger), FUNDS - 200);
	assert_eq!(balance(ctx.contract), MAX_FARE + 80);
	// A driver cannot act on another driver's ride.
	assert_refused(&mut rides, &ctx, ctx.other_driver, 0, Error::NotDriver, |r| {
		r.start_ride(first)
	});
	call(ctx.rider, 0);
	rides.cancel_by_rider(first).expect("cancelled");
	assert_eq!(balance(ctx.contract), 80);
	assert_eq!(ride_of(&rides, third).state, RideState::Accepted);
	assert_eq!(ride_of(&rides, third).escrow, 80);
	assert_eq!(ctx.credit.kinds_of(&ctx.rider), vec![RecordKind::Cancellation]);
	assert_eq!(ctx.credit.kinds_of(&ctx.stranger), vec![RecordKind::CompletedDeal]);
}

#[ink::test]
fn unknown_rides_are_not_found() {
	let (mut rides, ctx, id) = requested();
	let unknown = id + 1;
	assert_eq!(rides.ride(unknown), None);
	type Message = fn(&mut Rides, RideId) -> Result<()>;
	let messages: [(AccountId, Message); 10] = [
		(ctx.rider, |r, id| r.cancel_request(id)),
		(ctx.driver, |r, id| r.accept_ride(id)),
		(ctx.rider, |r, id| r.cancel_by_rider(id)),
		(ctx.driver, |r, id| r.cancel_by_driver(id)),
		(ctx.driver, |r, id| r.report_no_show(id)),
		(ctx.driver, |r, id| r.start_ride(id)),
		(ctx.driver, |r, id| r.complete_ride(id, 0)),
		(ctx.rider, |r, id| r.rate(id, 5)),
		(ctx.rider, |r, id| r.dispute(id)),
		(ctx.arbiter, |r, id| r.resolve_dispute(id, 0)),
	];
	for (caller, message) in messages {
		assert_refused(&mut rides, &ctx, caller, 0, Error::RideNotFound, |r| message(r, unknown));
		assert_refused(&mut rides, &ctx, caller, 0, Error::RideNotFound, |r| {
			message(r, RideId::MAX)
		});
	}
}

#[ink::test]
fn deal_references_are_per_contract_ride_kind_and_origin() {
	let (rides, ctx) = setup();
	let expected = expected_deal(&ctx, 7, RecordKind::NoShow, false);
	assert_eq!(rides.deal_reference(7, RecordKind::NoShow, false), expected);

	let mut seen = std::collections::BTreeSet::new();
	for id in 0..4 {
		for kind in RecordKind::ALL {
			for rating in [false, true] {
				assert!(
					seen.insert(rides.deal_reference(id, kind, rating)),
					"{id} {kind:?} {rating}"
				);
			}
		}
	}
	// Another contract files under other references.
	test::set_callee::<Env>(AccountId::from([0xC1; 32]));
	assert_ne!(rides.deal_reference(7, RecordKind::NoShow, false), expected);
}
