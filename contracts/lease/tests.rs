//! Off-chain unit tests: every message, every error. A refused message must leave balances,
//! state, events and records exactly as they were.
//!
//! Default terms: rent 100, deposit 500, 3 periods of 10 blocks, grace 3, minimum score 400,
//! penalty 200. Accepted at block 0, period `i` starts at block `10 * i`, its rent is late
//! after block `10 * i + 3`, the lease ends at block 30.

use crate::lease::*;
use ink::{env::test, primitives::AccountId, scale::Decode};
use sharechain_extension::{
	testing::{FiledRecord, MockCredit},
	ExtensionError, RecordKind, SharechainEnvironment as Env, FN_CREDIT_SCORE,
	FN_FILE_CREDIT_RECORD, NEUTRAL_SCORE,
};

type Balance = u128;
type BlockNumber = u32;

const RENT: Balance = 100;
const DEPOSIT: Balance = 500;
const PERIODS: u32 = 3;
const LENGTH: BlockNumber = 10;
const GRACE: BlockNumber = 3;
const MIN_SCORE: u16 = 400;
const PENALTY: Balance = 200;
const ASSET: [u8; 32] = [0xA5; 32];
const FUNDS: Balance = 1_000_000;

#[derive(Clone, Copy)]
struct Terms {
	rent: Balance,
	deposit: Balance,
	periods: u32,
	length: BlockNumber,
	grace: BlockNumber,
	min_score: u16,
	penalty: Balance,
}

impl Default for Terms {
	fn default() -> Self {
		Self {
			rent: RENT,
			deposit: DEPOSIT,
			periods: PERIODS,
			length: LENGTH,
			grace: GRACE,
			min_score: MIN_SCORE,
			penalty: PENALTY,
		}
	}
}

struct Ctx {
	owner: AccountId,
	tenant: AccountId,
	arbiter: AccountId,
	stranger: AccountId,
	contract: AccountId,
	credit: MockCredit,
}

/// Funds the accounts, makes `contract` the callee and installs the mock extension.
fn context() -> Ctx {
	let accounts = test::default_accounts::<Env>();
	let ctx = Ctx {
		owner: accounts.alice,
		tenant: accounts.bob,
		arbiter: accounts.charlie,
		stranger: accounts.django,
		contract: AccountId::from([0xC0; 32]),
		credit: MockCredit::install(),
	};
	ctx.credit.set_contract(ctx.contract);
	for who in [ctx.owner, ctx.tenant, ctx.arbiter, ctx.stranger] {
		test::set_account_balance::<Env>(who, FUNDS);
	}
	test::set_account_balance::<Env>(ctx.contract, 0);
	test::set_callee::<Env>(ctx.contract);
	at(0);
	ctx
}

fn instantiate(terms: Terms, arbiter: AccountId) -> Result<Lease> {
	Lease::new(
		ASSET,
		terms.rent,
		terms.deposit,
		terms.periods,
		terms.length,
		terms.grace,
		terms.min_score,
		arbiter,
		terms.penalty,
	)
}

fn setup_with(terms: Terms) -> (Lease, Ctx) {
	let ctx = context();
	call(ctx.owner, 0);
	let lease = instantiate(terms, ctx.arbiter).expect("valid terms");
	(lease, ctx)
}

fn setup() -> (Lease, Ctx) {
	setup_with(Terms::default())
}

fn accepted_with(terms: Terms) -> (Lease, Ctx) {
	let (mut lease, ctx) = setup_with(terms);
	pay_in(ctx.tenant, terms.rent + terms.deposit);
	lease.accept().expect("accepted");
	(lease, ctx)
}

fn accepted() -> (Lease, Ctx) {
	accepted_with(Terms::default())
}

/// Pays the next period's rent at `block`.
fn pay_period(lease: &mut Lease, ctx: &Ctx, block: BlockNumber) {
	at(block);
	pay_in(ctx.tenant, RENT);
	lease.pay_rent().expect("rent paid");
}

/// Accepted, periods 1 and 2 paid on time, block 30 (the end).
fn run_out() -> (Lease, Ctx) {
	let (mut lease, ctx) = accepted();
	pay_period(&mut lease, &ctx, 10);
	pay_period(&mut lease, &ctx, 20);
	at(30);
	(lease, ctx)
}

/// Run out and returned by the tenant at block 30.
fn returned() -> (Lease, Ctx) {
	let (mut lease, ctx) = run_out();
	call(ctx.tenant, 0);
	lease.return_asset().expect("returned");
	(lease, ctx)
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
	balances: [Balance; 5],
	events: usize,
	state: LeaseState,
	details: LeaseDetails,
	due: DueInfo,
	records: Vec<FiledRecord>,
}

fn snapshot(lease: &Lease, ctx: &Ctx) -> Snapshot {
	Snapshot {
		balances: [ctx.owner, ctx.tenant, ctx.arbiter, ctx.stranger, ctx.contract].map(balance),
		events: test::recorded_events().count(),
		state: lease.state(),
		details: lease.details(),
		due: lease.due_info(),
		records: ctx.credit.records(),
	}
}

/// Calls `message` as `caller` sending `value`, expects `error` and no change at all.
fn assert_refused(
	lease: &mut Lease,
	ctx: &Ctx,
	caller: AccountId,
	value: Balance,
	error: Error,
	message: impl FnOnce(&mut Lease) -> Result<()>,
) {
	call(caller, value);
	let before = snapshot(lease, ctx);
	assert_eq!(message(lease), Err(error));
	assert_eq!(snapshot(lease, ctx), before, "a refused message changed something");
}

/// The record a lease files: weight [`RECORD_WEIGHT`], its deal reference.
fn record(lease: &Lease, id: u64, subject: AccountId, kind: RecordKind, index: u32) -> FiledRecord {
	FiledRecord {
		id,
		subject,
		kind,
		weight: RECORD_WEIGHT,
		deal: lease.deal_reference(kind, index),
	}
}

// ---------------------------------------------------------------------------------------------
// new

#[ink::test]
fn new_lists_the_lease() {
	let (lease, ctx) = setup();
	assert_eq!(lease.state(), LeaseState::Listed);
	assert_eq!(
		lease.details(),
		LeaseDetails {
			owner: ctx.owner,
			arbiter: ctx.arbiter,
			tenant: None,
			asset: ASSET,
			rent: RENT,
			deposit: DEPOSIT,
			periods: PERIODS,
			period_length: LENGTH,
			grace: GRACE,
			min_score: MIN_SCORE,
			penalty: PENALTY,
		}
	);
	assert_eq!(
		lease.due_info(),
		DueInfo {
			state: LeaseState::Listed,
			start: None,
			end: None,
			periods_paid: 0,
			next_period: None,
			next_due: None,
			overdue_after: None,
			deposit_held: 0,
			rent_escrow: 0,
			rent_escrow_unlocks: None,
			damage_claimed: 0,
			returned_at: None,
			review_ends: None,
			terminated_by: None,
		}
	);
	assert_eq!(
		last_event::<Listed>(),
		Listed {
			owner: ctx.owner,
			arbiter: ctx.arbiter,
			asset: ASSET,
			rent: RENT,
			deposit: DEPOSIT,
			periods: PERIODS,
		}
	);
	assert_eq!(balance(ctx.contract), 0);
}

#[ink::test]
fn new_rejects_invalid_terms() {
	let ctx = context();
	call(ctx.owner, 0);
	let ok = Terms::default();
	let cases = [
		(Terms { rent: 0, ..ok }, ctx.arbiter, Error::ZeroRent),
		(Terms { periods: 0, ..ok }, ctx.arbiter, Error::ZeroPeriods),
		(Terms { length: 0, grace: 0, ..ok }, ctx.arbiter, Error::ZeroPeriodLength),
		(Terms { grace: LENGTH, ..ok }, ctx.arbiter, Error::GraceNotShorterThanPeriod),
		(Terms { grace: LENGTH + 1, ..ok }, ctx.arbiter, Error::GraceNotShorterThanPeriod),
		(Terms { min_score: 1001, ..ok }, ctx.arbiter, Error::ScoreOutOfRange),
		(ok, ctx.owner, Error::ArbiterIsOwner),
		(Terms { rent: u128::MAX, deposit: 1, ..ok }, ctx.arbiter, Error::Overflow),
		(Terms { periods: u32::MAX, length: 2, grace: 1, ..ok }, ctx.arbiter, Error::Overflow),
	];
	for (terms, arbiter, error) in cases {
		assert_eq!(instantiate(terms, arbiter).err(), Some(error));
	}
	assert!(events::<Listed>().is_empty());
	// Edge values that are allowed.
	assert!(
		instantiate(Terms { min_score: 1000, deposit: 0, penalty: 0, ..ok }, ctx.arbiter).is_ok()
	);
	assert!(instantiate(Terms { grace: 0, length: 1, ..ok }, ctx.arbiter).is_ok());
}

// ---------------------------------------------------------------------------------------------
// accept

#[ink::test]
fn accept_takes_deposit_and_first_rent_into_escrow() {
	let (lease, ctx) = accepted();
	assert_eq!(lease.state(), LeaseState::Active);
	assert_eq!(lease.details().tenant, Some(ctx.tenant));
	assert_eq!(balance(ctx.contract), RENT + DEPOSIT);
	assert_eq!(balance(ctx.tenant), FUNDS - RENT - DEPOSIT);
	assert_eq!(balance(ctx.owner), FUNDS);
	assert_eq!(
		lease.due_info(),
		DueInfo {
			state: LeaseState::Active,
			start: Some(0),
			end: Some(30),
			periods_paid: 1,
			next_period: Some(1),
			next_due: Some(10),
			overdue_after: Some(13),
			deposit_held: DEPOSIT,
			rent_escrow: RENT,
			rent_escrow_unlocks: Some(10),
			damage_claimed: 0,
			returned_at: None,
			review_ends: None,
			terminated_by: None,
		}
	);
	assert_eq!(
		last_event::<Accepted>(),
		Accepted { tenant: ctx.tenant, score: NEUTRAL_SCORE, start: 0, end: 30 }
	);
	assert_eq!(ctx.credit.call_count(FN_CREDIT_SCORE), 1);
	assert!(ctx.credit.records().is_empty());
}

#[ink::test]
fn accept_starts_the_schedule_at_acceptance() {
	let (mut lease, ctx) = setup();
	at(7);
	pay_in(ctx.tenant, RENT + DEPOSIT);
	assert_eq!(lease.accept(), Ok(()));
	let due = lease.due_info();
	assert_eq!(
		(due.start, due.end, due.next_due, due.overdue_after),
		(Some(7), Some(37), Some(17), Some(20))
	);
}

#[ink::test]
fn accept_requires_the_exact_value() {
	let (mut lease, ctx) = setup();
	for value in [0, RENT, DEPOSIT, RENT + DEPOSIT - 1, RENT + DEPOSIT + 1] {
		assert_refused(&mut lease, &ctx, ctx.tenant, value, Error::WrongValue, Lease::accept);
	}
	// The score is not even read.
	assert_eq!(ctx.credit.call_count(FN_CREDIT_SCORE), 0);
}

#[ink::test]
fn accept_refuses_owner_and_arbiter() {
	let (mut lease, ctx) = setup();
	let value = RENT + DEPOSIT;
	assert_refused(&mut lease, &ctx, ctx.owner, value, Error::InvalidTenant, Lease::accept);
	assert_refused(&mut lease, &ctx, ctx.arbiter, value, Error::InvalidTenant, Lease::accept);
}

#[ink::test]
fn accept_checks_the_credit_score() {
	let (mut lease, ctx) = setup();
	ctx.credit.set_score(ctx.tenant, MIN_SCORE - 1);
	assert_refused(&mut lease, &ctx, ctx.tenant, RENT + DEPOSIT, Error::ScoreTooLow, Lease::accept);
	// Exactly the minimum is enough.
	ctx.credit.set_score(ctx.tenant, MIN_SCORE);
	pay_in(ctx.tenant, RENT + DEPOSIT);
	assert_eq!(lease.accept(), Ok(()));
	assert_eq!(last_event::<Accepted>().score, MIN_SCORE);
}

#[ink::test]
fn accept_fails_when_the_score_is_unavailable() {
	let (mut lease, ctx) = setup();
	ctx.credit.fail_next(FN_CREDIT_SCORE, ExtensionError::Other);
	assert_refused(
		&mut lease,
		&ctx,
		ctx.tenant,
		RENT + DEPOSIT,
		Error::CreditScoreUnavailable,
		Lease::accept,
	);
}

#[ink::test]
fn accept_twice_is_refused() {
	let (mut lease, ctx) = accepted();
	let value = RENT + DEPOSIT;
	assert_refused(&mut lease, &ctx, ctx.tenant, value, Error::WrongState, Lease::accept);
	assert_refused(&mut lease, &ctx, ctx.stranger, value, Error::WrongState, Lease::accept);
}

// ---------------------------------------------------------------------------------------------
// pay_rent

#[ink::test]
fn pay_rent_on_time_goes_to_the_owner() {
	let (mut lease, ctx) = accepted();
	pay_period(&mut lease, &ctx, 10);
	assert_eq!(balance(ctx.owner), FUNDS + RENT);
	assert_eq!(balance(ctx.contract), RENT + DEPOSIT);
	assert_eq!(balance(ctx.tenant), FUNDS - 2 * RENT - DEPOSIT);
	let due = lease.due_info();
	assert_eq!((due.periods_paid, due.next_period, due.next_due), (2, Some(2), Some(20)));
	assert_eq!(
		last_event::<RentPaid>(),
		RentPaid { tenant: ctx.tenant, period: 1, amount: RENT, late: false }
	);
	let expected = record(&lease, 0, ctx.tenant, RecordKind::OnTimePayment, 1);
	assert_eq!(ctx.credit.records(), vec![expected.clone()]);
	assert_eq!(
		last_event::<RecordFiled>(),
		RecordFiled {
			subject: ctx.tenant,
			kind: RecordKind::OnTimePayment,
			record_id: 0,
			deal: expected.deal,
		}
	);
}

#[ink::test]
fn pay_rent_at_the_end_of_grace_is_on_time() {
	let (mut lease, ctx) = accepted();
	pay_period(&mut lease, &ctx, 13);
	assert!(!last_event::<RentPaid>().late);
	assert_eq!(ctx.credit.kinds_of(&ctx.tenant), vec![RecordKind::OnTimePayment]);
}

#[ink::test]
fn pay_rent_after_grace_is_late() {
	let (mut lease, ctx) = accepted();
	pay_period(&mut lease, &ctx, 14);
	assert_eq!(balance(ctx.owner), FUNDS + RENT);
	assert!(last_event::<RentPaid>().late);
	assert_eq!(
		ctx.credit.records(),
		vec![record(&lease, 0, ctx.tenant, RecordKind::LatePayment, 1)]
	);
}

#[ink::test]
fn pay_rent_every_period_then_nothing_is_due() {
	let (mut lease, ctx) = accepted();
	pay_period(&mut lease, &ctx, 10);
	pay_period(&mut lease, &ctx, 25);
	assert_eq!(lease.due_info().next_period, None);
	assert_eq!(
		ctx.credit.kinds_of(&ctx.tenant),
		vec![RecordKind::OnTimePayment, RecordKind::LatePayment]
	);
	at(26);
	assert_refused(&mut lease, &ctx, ctx.tenant, RENT, Error::AllRentPaid, Lease::pay_rent);
}

#[ink::test]
fn pay_rent_refusals() {
	let (mut lease, ctx) = accepted();
	at(9);
	assert_refused(&mut lease, &ctx, ctx.tenant, RENT, Error::RentNotDue, Lease::pay_rent);
	at(10);
	for value in [0, RENT - 1, RENT + 1] {
		assert_refused(&mut lease, &ctx, ctx.tenant, value, Error::WrongValue, Lease::pay_rent);
	}
	for caller in [ctx.owner, ctx.arbiter, ctx.stranger] {
		assert_refused(&mut lease, &ctx, caller, RENT, Error::NotTenant, Lease::pay_rent);
	}
	// Twice for the same period: the next one has not started.
	pay_period(&mut lease, &ctx, 10);
	assert_refused(&mut lease, &ctx, ctx.tenant, RENT, Error::RentNotDue, Lease::pay_rent);
}

#[ink::test]
fn pay_rent_before_acceptance_is_refused() {
	let (mut lease, ctx) = setup();
	at(10);
	assert_refused(&mut lease, &ctx, ctx.tenant, RENT, Error::NotTenant, Lease::pay_rent);
}

#[ink::test]
fn pay_rent_after_the_lease_ended_is_refused() {
	let (mut lease, ctx) = returned();
	at(40);
	assert_refused(&mut lease, &ctx, ctx.tenant, RENT, Error::WrongState, Lease::pay_rent);
}

#[ink::test]
fn refused_record_does_not_block_rent() {
	let (mut lease, ctx) = accepted();
	ctx.credit.set_reporter(false);
	pay_period(&mut lease, &ctx, 10);
	assert_eq!(balance(ctx.owner), FUNDS + RENT);
	assert_eq!(lease.due_info().periods_paid, 2);
	assert!(ctx.credit.records().is_empty());
	assert!(events::<RecordFiled>().is_empty());
	assert_eq!(
		last_event::<RecordNotFiled>(),
		RecordNotFiled {
			subject: ctx.tenant,
			kind: RecordKind::OnTimePayment,
			error: ExtensionError::NotReporter,
			deal: lease.deal_reference(RecordKind::OnTimePayment, 1),
		}
	);
}

// ---------------------------------------------------------------------------------------------
// claim_late_rent

#[ink::test]
fn claim_late_rent_takes_the_rent_from_the_deposit() {
	let (mut lease, ctx) = accepted();
	at(14);
	call(ctx.owner, 0);
	assert_eq!(lease.claim_late_rent(), Ok(()));
	assert_eq!(balance(ctx.owner), FUNDS + RENT);
	assert_eq!(balance(ctx.contract), DEPOSIT);
	let due = lease.due_info();
	assert_eq!((due.deposit_held, due.periods_paid, due.next_due), (DEPOSIT - RENT, 2, Some(20)));
	assert_eq!(
		last_event::<LateRentClaimed>(),
		LateRentClaimed {
			tenant: ctx.tenant,
			period: 1,
			amount: RENT,
			deposit_left: DEPOSIT - RENT,
		}
	);
	assert_eq!(
		ctx.credit.records(),
		vec![record(&lease, 0, ctx.tenant, RecordKind::LatePayment, 1)]
	);
}

#[ink::test]
fn claim_late_rent_refusals() {
	let (mut lease, ctx) = accepted();
	at(13);
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::NotOverdue, Lease::claim_late_rent);
	at(14);
	for caller in [ctx.tenant, ctx.arbiter, ctx.stranger] {
		assert_refused(&mut lease, &ctx, caller, 0, Error::NotOwner, Lease::claim_late_rent);
	}
	// Twice: the next period is not overdue yet.
	call(ctx.owner, 0);
	assert_eq!(lease.claim_late_rent(), Ok(()));
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::NotOverdue, Lease::claim_late_rent);
	// Everything settled.
	pay_period(&mut lease, &ctx, 20);
	at(40);
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::AllRentPaid, Lease::claim_late_rent);
}

#[ink::test]
fn claim_late_rent_before_acceptance_is_refused() {
	let (mut lease, ctx) = setup();
	at(14);
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::WrongState, Lease::claim_late_rent);
}

#[ink::test]
fn claim_late_rent_defaults_when_the_deposit_runs_out() {
	let (mut lease, ctx) = accepted_with(Terms { deposit: 150, ..Terms::default() });
	at(14);
	call(ctx.owner, 0);
	assert_eq!(lease.claim_late_rent(), Ok(()));
	assert_eq!(lease.due_info().deposit_held, 50);
	at(24);
	call(ctx.owner, 0);
	assert_eq!(lease.claim_late_rent(), Ok(()));
	assert_eq!(lease.state(), LeaseState::Defaulted);
	// Deposit left (50) and the escrowed first rent (100).
	assert_eq!(last_event::<Defaulted>(), Defaulted { tenant: ctx.tenant, period: 2, seized: 150 });
	assert_eq!(balance(ctx.owner), FUNDS + RENT + 150);
	assert_eq!(balance(ctx.contract), 0);
	let due = lease.due_info();
	assert_eq!((due.deposit_held, due.rent_escrow, due.next_period), (0, 0, None));
	assert_eq!(
		ctx.credit.records(),
		vec![
			record(&lease, 0, ctx.tenant, RecordKind::LatePayment, 1),
			record(&lease, 1, ctx.tenant, RecordKind::Default, 2),
		]
	);
	// The lease is over.
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::WrongState, Lease::claim_late_rent);
	assert_refused(&mut lease, &ctx, ctx.tenant, RENT, Error::WrongState, Lease::pay_rent);
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::WrongState, Lease::collect_rent);
	assert_refused(
		&mut lease,
		&ctx,
		ctx.tenant,
		PENALTY,
		Error::WrongState,
		Lease::terminate_early,
	);
}

#[ink::test]
fn claim_late_rent_without_deposit_defaults_at_once() {
	let (mut lease, ctx) = accepted_with(Terms { deposit: 0, ..Terms::default() });
	at(14);
	call(ctx.owner, 0);
	assert_eq!(lease.claim_late_rent(), Ok(()));
	assert_eq!(lease.state(), LeaseState::Defaulted);
	assert_eq!(
		last_event::<Defaulted>(),
		Defaulted { tenant: ctx.tenant, period: 1, seized: RENT }
	);
	assert_eq!(balance(ctx.owner), FUNDS + RENT);
	assert_eq!(ctx.credit.kinds_of(&ctx.tenant), vec![RecordKind::Default]);
}

// ---------------------------------------------------------------------------------------------
// collect_rent

#[ink::test]
fn collect_rent_after_the_first_period() {
	let (mut lease, ctx) = accepted();
	at(10);
	call(ctx.owner, 0);
	assert_eq!(lease.collect_rent(), Ok(()));
	assert_eq!(balance(ctx.owner), FUNDS + RENT);
	assert_eq!(balance(ctx.contract), DEPOSIT);
	assert_eq!(lease.due_info().rent_escrow, 0);
	assert_eq!(lease.due_info().rent_escrow_unlocks, None);
	assert_eq!(last_event::<RentReleased>(), RentReleased { to: ctx.owner, amount: RENT });
	// Twice.
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::NothingToCollect, Lease::collect_rent);
}

#[ink::test]
fn collect_rent_refusals() {
	let (mut lease, ctx) = setup();
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::WrongState, Lease::collect_rent);
	pay_in(ctx.tenant, RENT + DEPOSIT);
	lease.accept().expect("accepted");
	at(9);
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::RentEscrowLocked, Lease::collect_rent);
	at(10);
	for caller in [ctx.tenant, ctx.arbiter, ctx.stranger] {
		assert_refused(&mut lease, &ctx, caller, 0, Error::NotOwner, Lease::collect_rent);
	}
}

// ---------------------------------------------------------------------------------------------
// return_asset

#[ink::test]
fn return_asset_after_the_last_period() {
	let (lease, ctx) = returned();
	assert_eq!(lease.state(), LeaseState::Returned);
	let due = lease.due_info();
	assert_eq!((due.returned_at, due.review_ends), (Some(30), Some(33)));
	assert_eq!(last_event::<AssetReturned>(), AssetReturned { tenant: ctx.tenant, at: 30 });
	// Nothing moved: the deposit and the first rent are still in escrow.
	assert_eq!(balance(ctx.contract), RENT + DEPOSIT);
}

#[ink::test]
fn return_asset_refusals() {
	let (mut lease, ctx) = setup();
	assert_refused(&mut lease, &ctx, ctx.tenant, 0, Error::NotTenant, Lease::return_asset);
	pay_in(ctx.tenant, RENT + DEPOSIT);
	lease.accept().expect("accepted");
	pay_period(&mut lease, &ctx, 10);
	at(30);
	assert_refused(&mut lease, &ctx, ctx.tenant, 0, Error::RentOutstanding, Lease::return_asset);
	pay_period(&mut lease, &ctx, 30);
	at(29);
	assert_refused(&mut lease, &ctx, ctx.tenant, 0, Error::LeaseNotOver, Lease::return_asset);
	at(30);
	for caller in [ctx.owner, ctx.arbiter, ctx.stranger] {
		assert_refused(&mut lease, &ctx, caller, 0, Error::NotTenant, Lease::return_asset);
	}
	call(ctx.tenant, 0);
	assert_eq!(lease.return_asset(), Ok(()));
	assert_refused(&mut lease, &ctx, ctx.tenant, 0, Error::WrongState, Lease::return_asset);
}

// ---------------------------------------------------------------------------------------------
// confirm_return

#[ink::test]
fn confirm_return_refunds_the_deposit_and_files_completed_deals() {
	let (mut lease, ctx) = returned();
	at(31);
	call(ctx.owner, 0);
	assert_eq!(lease.confirm_return(), Ok(()));
	assert_eq!(lease.state(), LeaseState::Completed);
	assert_eq!(balance(ctx.tenant), FUNDS - 3 * RENT);
	assert_eq!(balance(ctx.owner), FUNDS + 3 * RENT);
	assert_eq!(balance(ctx.contract), 0);
	assert_eq!(
		last_event::<ReturnConfirmed>(),
		ReturnConfirmed { by: ctx.owner, tenant: ctx.tenant, deposit_returned: DEPOSIT }
	);
	assert_eq!(last_event::<RentReleased>(), RentReleased { to: ctx.owner, amount: RENT });
	assert_eq!(
		ctx.credit.records(),
		vec![
			record(&lease, 0, ctx.tenant, RecordKind::OnTimePayment, 1),
			record(&lease, 1, ctx.tenant, RecordKind::OnTimePayment, 2),
			record(&lease, 2, ctx.tenant, RecordKind::CompletedDeal, 0),
			record(&lease, 3, ctx.owner, RecordKind::CompletedDeal, 0),
		]
	);
	assert_eq!(events::<RecordFiled>().len(), 4);
	// Twice.
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::WrongState, Lease::confirm_return);
}

#[ink::test]
fn tenant_confirms_after_the_review_window() {
	let (mut lease, ctx) = returned();
	at(33);
	assert_refused(&mut lease, &ctx, ctx.tenant, 0, Error::ReviewWindowOpen, Lease::confirm_return);
	at(34);
	call(ctx.tenant, 0);
	assert_eq!(lease.confirm_return(), Ok(()));
	assert_eq!(lease.state(), LeaseState::Completed);
	assert_eq!(last_event::<ReturnConfirmed>().by, ctx.tenant);
	assert_eq!(balance(ctx.tenant), FUNDS - 3 * RENT);
	assert_eq!(balance(ctx.owner), FUNDS + 3 * RENT);
}

#[ink::test]
fn owner_confirms_without_a_return_once_the_lease_ran_out() {
	let (mut lease, ctx) = run_out();
	call(ctx.owner, 0);
	assert_eq!(lease.confirm_return(), Ok(()));
	assert_eq!(lease.state(), LeaseState::Completed);
	assert_eq!(balance(ctx.tenant), FUNDS - 3 * RENT);
	assert_eq!(ctx.credit.kinds_of(&ctx.owner), vec![RecordKind::CompletedDeal]);
}

#[ink::test]
fn confirm_return_refusals() {
	let (mut lease, ctx) = setup();
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::WrongState, Lease::confirm_return);
	pay_in(ctx.tenant, RENT + DEPOSIT);
	lease.accept().expect("accepted");
	pay_period(&mut lease, &ctx, 10);
	at(29);
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::LeaseNotOver, Lease::confirm_return);
	at(30);
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::RentOutstanding, Lease::confirm_return);
	pay_period(&mut lease, &ctx, 30);
	assert_refused(&mut lease, &ctx, ctx.tenant, 0, Error::NotOwner, Lease::confirm_return);
	assert_refused(&mut lease, &ctx, ctx.stranger, 0, Error::NotOwner, Lease::confirm_return);
	call(ctx.tenant, 0);
	assert_eq!(lease.return_asset(), Ok(()));
	at(40);
	for caller in [ctx.arbiter, ctx.stranger] {
		assert_refused(&mut lease, &ctx, caller, 0, Error::NotParty, Lease::confirm_return);
	}
}

#[ink::test]
fn refused_records_do_not_block_the_refund() {
	let (mut lease, ctx) = returned();
	ctx.credit.set_reporter(false);
	call(ctx.owner, 0);
	assert_eq!(lease.confirm_return(), Ok(()));
	assert_eq!(lease.state(), LeaseState::Completed);
	assert_eq!(balance(ctx.tenant), FUNDS - 3 * RENT);
	let refused: Vec<_> =
		events::<RecordNotFiled>().into_iter().map(|e| (e.subject, e.kind, e.error)).collect();
	assert_eq!(
		refused,
		vec![
			(ctx.tenant, RecordKind::CompletedDeal, ExtensionError::NotReporter),
			(ctx.owner, RecordKind::CompletedDeal, ExtensionError::NotReporter),
		]
	);
	assert_eq!(ctx.credit.call_count(FN_FILE_CREDIT_RECORD), 4);
}

// ---------------------------------------------------------------------------------------------
// claim_damage / resolve_damage

#[ink::test]
fn claim_damage_holds_the_deposit() {
	let (mut lease, ctx) = returned();
	call(ctx.owner, 0);
	assert_eq!(lease.claim_damage(300), Ok(()));
	assert_eq!(lease.state(), LeaseState::Disputed);
	assert_eq!(lease.due_info().damage_claimed, 300);
	assert_eq!(balance(ctx.contract), RENT + DEPOSIT);
	assert_eq!(
		last_event::<DamageClaimed>(),
		DamageClaimed { owner: ctx.owner, tenant: ctx.tenant, amount: 300 }
	);
	// Twice.
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::WrongState, |l| l.claim_damage(100));
	// The tenant can no longer confirm the return itself.
	at(40);
	assert_refused(&mut lease, &ctx, ctx.tenant, 0, Error::WrongState, Lease::confirm_return);
}

#[ink::test]
fn claim_damage_without_a_return_once_the_lease_ran_out() {
	let (mut lease, ctx) = run_out();
	call(ctx.owner, 0);
	assert_eq!(lease.claim_damage(DEPOSIT), Ok(()));
	assert_eq!(lease.state(), LeaseState::Disputed);
}

#[ink::test]
fn claim_damage_refusals() {
	let (mut lease, ctx) = setup();
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::WrongState, |l| l.claim_damage(100));
	pay_in(ctx.tenant, RENT + DEPOSIT);
	lease.accept().expect("accepted");
	at(14);
	call(ctx.owner, 0);
	assert_eq!(lease.claim_late_rent(), Ok(()));
	pay_period(&mut lease, &ctx, 20);
	at(29);
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::LeaseNotOver, |l| l.claim_damage(100));
	at(30);
	call(ctx.tenant, 0);
	assert_eq!(lease.return_asset(), Ok(()));
	for caller in [ctx.tenant, ctx.arbiter, ctx.stranger] {
		assert_refused(&mut lease, &ctx, caller, 0, Error::NotOwner, |l| l.claim_damage(100));
	}
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::InvalidAmount, |l| l.claim_damage(0));
	// 100 of the deposit went to late rent: 400 is left.
	let over = DEPOSIT - RENT + 1;
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::InvalidAmount, |l| l.claim_damage(over));
	call(ctx.owner, 0);
	assert_eq!(lease.claim_damage(DEPOSIT - RENT), Ok(()));
}

#[ink::test]
fn claim_damage_with_rent_outstanding_is_refused() {
	let (mut lease, ctx) = accepted();
	at(30);
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::RentOutstanding, |l| l.claim_damage(100));
}

#[ink::test]
fn resolve_damage_splits_the_deposit() {
	let (mut lease, ctx) = returned();
	call(ctx.owner, 0);
	lease.claim_damage(300).expect("claimed");
	call(ctx.arbiter, 0);
	assert_eq!(lease.resolve_damage(200), Ok(()));
	assert_eq!(lease.state(), LeaseState::Resolved);
	// Owner: two rents, the first rent from escrow and 200 of the deposit.
	assert_eq!(balance(ctx.owner), FUNDS + 3 * RENT + 200);
	assert_eq!(balance(ctx.tenant), FUNDS - 3 * RENT - 200);
	assert_eq!(balance(ctx.arbiter), FUNDS);
	assert_eq!(balance(ctx.contract), 0);
	assert_eq!(
		last_event::<DamageResolved>(),
		DamageResolved { arbiter: ctx.arbiter, to_owner: 200, to_tenant: 300 }
	);
	assert_eq!(
		ctx.credit.kinds_of(&ctx.tenant),
		vec![RecordKind::OnTimePayment, RecordKind::OnTimePayment, RecordKind::Damage]
	);
	assert_eq!(ctx.credit.kinds_of(&ctx.owner), vec![RecordKind::CompletedDeal]);
	// Twice.
	assert_refused(&mut lease, &ctx, ctx.arbiter, 0, Error::WrongState, |l| l.resolve_damage(0));
}

#[ink::test]
fn resolve_damage_in_the_tenants_favour() {
	let (mut lease, ctx) = returned();
	call(ctx.owner, 0);
	lease.claim_damage(300).expect("claimed");
	call(ctx.arbiter, 0);
	assert_eq!(lease.resolve_damage(0), Ok(()));
	assert_eq!(balance(ctx.tenant), FUNDS - 3 * RENT);
	assert_eq!(balance(ctx.owner), FUNDS + 3 * RENT);
	assert_eq!(
		ctx.credit.kinds_of(&ctx.tenant),
		vec![RecordKind::OnTimePayment, RecordKind::OnTimePayment, RecordKind::CompletedDeal]
	);
	assert_eq!(ctx.credit.kinds_of(&ctx.owner), vec![RecordKind::CompletedDeal]);
}

#[ink::test]
fn resolve_damage_may_grant_the_whole_claim() {
	let (mut lease, ctx) = returned();
	call(ctx.owner, 0);
	lease.claim_damage(DEPOSIT).expect("claimed");
	call(ctx.arbiter, 0);
	assert_eq!(lease.resolve_damage(DEPOSIT), Ok(()));
	assert_eq!(balance(ctx.tenant), FUNDS - 3 * RENT - DEPOSIT);
	assert_eq!(last_event::<DamageResolved>().to_tenant, 0);
}

#[ink::test]
fn resolve_damage_refusals() {
	let (mut lease, ctx) = returned();
	assert_refused(&mut lease, &ctx, ctx.arbiter, 0, Error::WrongState, |l| l.resolve_damage(0));
	call(ctx.owner, 0);
	lease.claim_damage(300).expect("claimed");
	for caller in [ctx.owner, ctx.tenant, ctx.stranger] {
		assert_refused(&mut lease, &ctx, caller, 0, Error::NotArbiter, |l| l.resolve_damage(100));
	}
	assert_refused(&mut lease, &ctx, ctx.arbiter, 0, Error::InvalidAmount, |l| {
		l.resolve_damage(301)
	});
}

// ---------------------------------------------------------------------------------------------
// terminate_early

#[ink::test]
fn tenant_terminates_early_paying_the_penalty() {
	let (mut lease, ctx) = accepted();
	pay_period(&mut lease, &ctx, 12);
	pay_in(ctx.tenant, PENALTY);
	assert_eq!(lease.terminate_early(), Ok(()));
	assert_eq!(lease.state(), LeaseState::Returned);
	// Owner: period 1's rent, the penalty and the escrowed first rent.
	assert_eq!(balance(ctx.owner), FUNDS + RENT + PENALTY + RENT);
	assert_eq!(balance(ctx.contract), DEPOSIT);
	let due = lease.due_info();
	assert_eq!(
		(due.terminated_by, due.returned_at, due.review_ends),
		(Some(ctx.tenant), Some(12), Some(15))
	);
	assert_eq!(
		last_event::<TerminatedEarly>(),
		TerminatedEarly { by: ctx.tenant, penalty: PENALTY }
	);
	assert_eq!(last_event::<RentReleased>(), RentReleased { to: ctx.owner, amount: RENT });
	assert_eq!(
		ctx.credit.kinds_of(&ctx.tenant),
		vec![RecordKind::OnTimePayment, RecordKind::Cancellation]
	);
	// The deposit is settled as after a return, without completed-deal records.
	call(ctx.owner, 0);
	assert_eq!(lease.confirm_return(), Ok(()));
	assert_eq!(lease.state(), LeaseState::Terminated);
	assert_eq!(balance(ctx.tenant), FUNDS - 2 * RENT - PENALTY);
	assert_eq!(balance(ctx.contract), 0);
	assert_eq!(
		ctx.credit.kinds_of(&ctx.tenant),
		vec![RecordKind::OnTimePayment, RecordKind::Cancellation]
	);
	assert!(ctx.credit.kinds_of(&ctx.owner).is_empty());
}

#[ink::test]
fn owner_terminating_in_the_first_period_refunds_the_first_rent() {
	let (mut lease, ctx) = accepted();
	at(5);
	pay_in(ctx.owner, PENALTY);
	assert_eq!(lease.terminate_early(), Ok(()));
	assert_eq!(balance(ctx.owner), FUNDS - PENALTY);
	assert_eq!(balance(ctx.tenant), FUNDS - RENT - DEPOSIT + PENALTY + RENT);
	assert_eq!(last_event::<RentReleased>(), RentReleased { to: ctx.tenant, amount: RENT });
	assert_eq!(ctx.credit.kinds_of(&ctx.owner), vec![RecordKind::Cancellation]);
	assert!(ctx.credit.kinds_of(&ctx.tenant).is_empty());
	// Review window: returned at 5, ends at 8.
	at(8);
	assert_refused(&mut lease, &ctx, ctx.tenant, 0, Error::ReviewWindowOpen, Lease::confirm_return);
	at(9);
	call(ctx.tenant, 0);
	assert_eq!(lease.confirm_return(), Ok(()));
	assert_eq!(lease.state(), LeaseState::Terminated);
	assert_eq!(balance(ctx.tenant), FUNDS + PENALTY);
	assert_eq!(balance(ctx.contract), 0);
}

#[ink::test]
fn owner_terminating_later_keeps_the_first_rent() {
	let (mut lease, ctx) = accepted();
	at(12);
	pay_in(ctx.owner, PENALTY);
	assert_eq!(lease.terminate_early(), Ok(()));
	assert_eq!(balance(ctx.owner), FUNDS - PENALTY + RENT);
	assert_eq!(balance(ctx.tenant), FUNDS - RENT - DEPOSIT + PENALTY);
	assert_eq!(balance(ctx.contract), DEPOSIT);
	assert_eq!(last_event::<RentReleased>(), RentReleased { to: ctx.owner, amount: RENT });
}

#[ink::test]
fn damage_after_an_early_termination_goes_to_the_arbiter() {
	let (mut lease, ctx) = accepted();
	at(5);
	pay_in(ctx.tenant, PENALTY);
	assert_eq!(lease.terminate_early(), Ok(()));
	call(ctx.owner, 0);
	assert_eq!(lease.claim_damage(100), Ok(()));
	call(ctx.arbiter, 0);
	assert_eq!(lease.resolve_damage(100), Ok(()));
	assert_eq!(lease.state(), LeaseState::Resolved);
	assert_eq!(balance(ctx.tenant), FUNDS - RENT - PENALTY - 100);
	assert_eq!(balance(ctx.owner), FUNDS + RENT + PENALTY + 100);
	assert_eq!(
		ctx.credit.kinds_of(&ctx.tenant),
		vec![RecordKind::Cancellation, RecordKind::Damage]
	);
	// No completed deal after an early end.
	assert!(ctx.credit.kinds_of(&ctx.owner).is_empty());
}

#[ink::test]
fn terminate_early_refusals() {
	let (mut lease, ctx) = setup();
	assert_refused(&mut lease, &ctx, ctx.owner, PENALTY, Error::WrongState, Lease::terminate_early);
	pay_in(ctx.tenant, RENT + DEPOSIT);
	lease.accept().expect("accepted");
	at(5);
	for caller in [ctx.arbiter, ctx.stranger] {
		assert_refused(&mut lease, &ctx, caller, PENALTY, Error::NotParty, Lease::terminate_early);
	}
	for value in [0, PENALTY - 1, PENALTY + 1] {
		assert_refused(
			&mut lease,
			&ctx,
			ctx.tenant,
			value,
			Error::WrongValue,
			Lease::terminate_early,
		);
		assert_refused(
			&mut lease,
			&ctx,
			ctx.owner,
			value,
			Error::WrongValue,
			Lease::terminate_early,
		);
	}
	// Period 1 has started and is unpaid: the tenant must pay it first.
	at(12);
	assert_refused(
		&mut lease,
		&ctx,
		ctx.tenant,
		PENALTY,
		Error::RentOutstanding,
		Lease::terminate_early,
	);
	at(30);
	assert_refused(&mut lease, &ctx, ctx.owner, PENALTY, Error::LeaseOver, Lease::terminate_early);
	// Twice.
	at(12);
	pay_in(ctx.owner, PENALTY);
	assert_eq!(lease.terminate_early(), Ok(()));
	assert_refused(&mut lease, &ctx, ctx.owner, PENALTY, Error::WrongState, Lease::terminate_early);
	assert_refused(
		&mut lease,
		&ctx,
		ctx.tenant,
		PENALTY,
		Error::WrongState,
		Lease::terminate_early,
	);
}

// ---------------------------------------------------------------------------------------------
// cancel

#[ink::test]
fn owner_cancels_the_listing() {
	let (mut lease, ctx) = setup();
	call(ctx.owner, 0);
	assert_eq!(lease.cancel(), Ok(()));
	assert_eq!(lease.state(), LeaseState::Cancelled);
	assert_eq!(last_event::<ListingCancelled>(), ListingCancelled { owner: ctx.owner });
	// Twice, and nobody can accept any more.
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::WrongState, Lease::cancel);
	assert_refused(&mut lease, &ctx, ctx.tenant, RENT + DEPOSIT, Error::WrongState, Lease::accept);
}

#[ink::test]
fn cancel_refusals() {
	let (mut lease, ctx) = setup();
	for caller in [ctx.tenant, ctx.arbiter, ctx.stranger] {
		assert_refused(&mut lease, &ctx, caller, 0, Error::NotOwner, Lease::cancel);
	}
	pay_in(ctx.tenant, RENT + DEPOSIT);
	lease.accept().expect("accepted");
	assert_refused(&mut lease, &ctx, ctx.owner, 0, Error::WrongState, Lease::cancel);
}

// ---------------------------------------------------------------------------------------------
// deal references

#[ink::test]
fn deal_references_are_per_contract_kind_and_index() {
	let (lease, ctx) = setup();
	let mut expected = [0u8; 32];
	ink::env::hash_encoded::<ink::env::hash::Blake2x256, _>(
		&(DEAL_DOMAIN, ctx.contract, RecordKind::LatePayment.as_u8(), 2u32),
		&mut expected,
	);
	assert_eq!(lease.deal_reference(RecordKind::LatePayment, 2), expected);

	let mut seen = std::collections::BTreeSet::new();
	for kind in RecordKind::ALL {
		for index in 0..PERIODS {
			assert!(seen.insert(lease.deal_reference(kind, index)), "{kind:?} {index}");
		}
	}
	// Another contract files under other references.
	test::set_callee::<Env>(AccountId::from([0xC1; 32]));
	assert_ne!(lease.deal_reference(RecordKind::LatePayment, 2), expected);
}
