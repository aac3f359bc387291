//! ink! contracts on a real dev node, from the `.contract` bundles `scripts/build-contracts`
//! builds: a lease runs its whole cycle (accept, rent on time, rent taken late from the deposit,
//! return, confirmation) with exact balances and the credit records it files; a ride goes from
//! request to ratings; an ERC-20 transfer is the weight reference. Contract errors are checked
//! in dry-runs (the error in the return data) and on chain (`Contracts::ContractReverted`, only
//! the fee paid). Each test prints the dry-run weights of its key messages (`[weight] ...`).
//!
//! Balance checks are exact: besides the value and the fee, the caller pays (or is refunded)
//! the storage deposit pallet-contracts holds in the contract's account for the storage the
//! call adds (or frees), read from the `Contracts::StorageDeposit*` events.

use anyhow::{anyhow, ensure, Context};
use codec::{Decode, Encode};
use serde_json::Value as Json;
use sharechain_e2e::{
	contracts::{
		block_number, call, dry_run_call, instantiate, print_weight, selector_call,
		storage_deposit_paid, sub_signed, Contract, ContractBundle,
	},
	Client, Node, NodeConfig, Ports,
};
use std::time::Duration;
use subxt::{
	dynamic::Value,
	rpcs::rpc_params,
	utils::{AccountId32, H256},
};
use subxt_signer::sr25519::dev;

const TIMEOUT: Duration = Duration::from_secs(120);
/// One SHR.
const UNIT: u128 = 1_000_000_000_000;
/// The error of a call whose contract reverted (an ink! message returning `Err`).
const REVERTED: &str = "Contracts::ContractReverted";

/// A dev node, its client and its base path, dropped in that order.
struct DevChain {
	client: Client,
	_node: Node,
	_dir: tempfile::TempDir,
}

impl DevChain {
	async fn start(prefix: &str) -> anyhow::Result<Self> {
		let dir = sharechain_e2e::temp_dir(prefix)?;
		let node = Node::start(NodeConfig {
			name: "dev".into(),
			args: vec!["--dev".into()],
			base_path: dir.path().join("dev"),
			ports: Ports::free()?,
		})?;
		let client = Client::connect(&node.ws_url(), TIMEOUT).await?;
		client.wait_best(1, TIMEOUT).await?;
		Ok(Self { client, _node: node, _dir: dir })
	}
}

/// Governance (Sudo, Alice) registers `contract` as a credit reporter.
async fn add_reporter(client: &Client, contract: &Contract, name: &[u8]) -> anyhow::Result<()> {
	let add = sharechain_e2e::runtime_call(
		"Credit",
		"add_reporter",
		vec![("who", Value::from_bytes(contract.address.0)), ("name", Value::from_bytes(name))],
	);
	let added = client.sudo(add, &dev::alice()).await?;
	ensure!(added.event("Credit", "ReporterAdded").is_some(), "no Credit::ReporterAdded");
	Ok(())
}

/// Dry-runs a read-only message as `origin` and decodes its return value `T`.
async fn query<T: Decode>(
	client: &Client,
	origin: &AccountId32,
	contract: &Contract,
	data: &[u8],
) -> anyhow::Result<T> {
	let dry = dry_run_call(client, origin, contract, 0, data).await?;
	ensure!(!dry.reverted, "query reverted: {dry:?}");
	dry.decode()
}

/// Free balances of `who` at block `at`.
async fn free<const N: usize>(
	client: &Client,
	at: H256,
	who: [&AccountId32; N],
) -> anyhow::Result<[u128; N]> {
	let mut balances = [0; N];
	for (balance, account) in balances.iter_mut().zip(who) {
		*balance = client.free_balance(account, at).await?;
	}
	Ok(balances)
}

async fn block_u32(client: &Client, hash: H256) -> anyhow::Result<u32> {
	Ok(u32::try_from(block_number(client, hash).await?)?)
}

async fn credit_score(client: &Client, who: &AccountId32) -> anyhow::Result<Json> {
	let details: Json = client.rpc.request("credit_score", rpc_params![who.to_string()]).await?;
	Ok(details["score"].clone())
}

/// Checks the credit records about `subject` (first page, oldest first): all filed by
/// `reporter`, active, with these kinds and weights. Returns the page.
async fn assert_records(
	client: &Client,
	subject: &AccountId32,
	reporter: &Contract,
	expected: &[(&str, u64)],
) -> anyhow::Result<Json> {
	let page: Json =
		client.rpc.request("credit_records", rpc_params![subject.to_string(), 0]).await?;
	assert_eq!(page["total"], expected.len(), "{page}");
	let records = page["records"].as_array().context("records")?;
	assert_eq!(records.len(), expected.len(), "{page}");
	for (entry, (kind, weight)) in records.iter().zip(expected) {
		let record = &entry["record"];
		assert_eq!(record["kind"], *kind, "{page}");
		assert_eq!(record["weight"], *weight, "{page}");
		assert_eq!(record["reporter"], reporter.address.to_string(), "{page}");
		assert_eq!(record["subject"], subject.to_string(), "{page}");
		assert_eq!(record["status"], "Active", "{page}");
	}
	Ok(page)
}

fn bytes32(json: &Json) -> anyhow::Result<[u8; 32]> {
	let bytes = json
		.as_array()
		.context("expected a byte array")?
		.iter()
		.map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()).context("not a byte"))
		.collect::<anyhow::Result<Vec<u8>>>()?;
	bytes.try_into().map_err(|_| anyhow!("expected 32 bytes in {json}"))
}

// ---------------------------------------------------------------------------------------------
// Lease

/// Rent per period.
const RENT: u128 = 10 * UNIT;
/// Deposit held for the lease.
const DEPOSIT: u128 = 50 * UNIT;
/// Number of periods.
const PERIODS: u32 = 3;
/// Blocks per period (18 s): long enough that a transaction submitted once a period has
/// started is included within the grace period.
const PERIOD_LENGTH: u32 = 6;
/// Blocks after a period starts within which its rent is on time.
const GRACE: u32 = 3;
/// The lowest tenant score of the first lease (the neutral score is 500).
const MIN_SCORE: u16 = 400;
/// The lowest tenant score of the second lease, above the tenant's score.
const STRICT_MIN_SCORE: u16 = 600;
/// Early-termination penalty.
const PENALTY: u128 = 5 * UNIT;

/// `lease::LeaseState`, in declaration order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode)]
enum LeaseState {
	Listed,
	Active,
	Returned,
	Disputed,
	Completed,
	Resolved,
	Terminated,
	Defaulted,
	Cancelled,
}

/// `lease::Error`, in declaration order (SCALE: the variant index).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode)]
enum LeaseError {
	ZeroRent,
	ZeroPeriods,
	ZeroPeriodLength,
	GraceNotShorterThanPeriod,
	ScoreOutOfRange,
	ArbiterIsOwner,
	NotOwner,
	NotTenant,
	NotArbiter,
	NotParty,
	InvalidTenant,
	WrongState,
	WrongValue,
	ScoreTooLow,
	CreditScoreUnavailable,
	RentNotDue,
	AllRentPaid,
	NotOverdue,
	RentOutstanding,
	LeaseNotOver,
	LeaseOver,
	ReviewWindowOpen,
	InvalidAmount,
	NothingToCollect,
	RentEscrowLocked,
	Overflow,
	TransferFailed,
}

/// `lease::DueInfo`.
#[derive(Clone, Debug, PartialEq, Eq, Decode)]
struct DueInfo {
	state: LeaseState,
	start: Option<u32>,
	end: Option<u32>,
	periods_paid: u32,
	next_period: Option<u32>,
	next_due: Option<u32>,
	overdue_after: Option<u32>,
	deposit_held: u128,
	rent_escrow: u128,
	rent_escrow_unlocks: Option<u32>,
	damage_claimed: u128,
	returned_at: Option<u32>,
	review_ends: Option<u32>,
	terminated_by: Option<[u8; 32]>,
}

/// The constructor arguments of `lease::new`.
fn lease_terms(min_score: u16, arbiter: &AccountId32) -> Vec<u8> {
	([0xA5u8; 32], RENT, DEPOSIT, PERIODS, PERIOD_LENGTH, GRACE, min_score, arbiter.0, PENALTY)
		.encode()
}

#[tokio::test]
async fn lease_full_cycle() -> anyhow::Result<()> {
	let code = ContractBundle::load("lease")?;
	let chain = DevChain::start("sharechain-lease").await?;
	let client = &chain.client;

	let owner = dev::bob();
	let owner_id = owner.public_key().to_account_id();
	let tenant = dev::charlie();
	let tenant_id = tenant.public_key().to_account_id();
	let arbiter_id = dev::ferdie().public_key().to_account_id();
	let msg = |label: &str| selector_call(&code, label, ());
	type Unit = Result<(), LeaseError>;

	// Bob lists the lease; governance makes the contract a credit reporter.
	let (lease, deployed) =
		instantiate(client, &owner, &code, "new", lease_terms(MIN_SCORE, &arbiter_id), 0).await?;
	let [lease_initial] = free(client, deployed.block_hash, [&lease.address]).await?;
	assert_eq!(
		query::<LeaseState>(client, &owner_id, &lease, &msg("state")).await?,
		LeaseState::Listed
	);
	add_reporter(client, &lease, b"Lease").await?;

	// Charlie accepts, paying exactly deposit + first rent into escrow.
	let before = client.best_hash().await?;
	let [tenant_before, owner_before] = free(client, before, [&tenant_id, &owner_id]).await?;
	let (accepted, accept_dry) =
		call(client, &tenant, &lease, DEPOSIT + RENT, &msg("accept")).await?;
	assert_eq!(accepted.outcome, Ok(()));
	assert_eq!(accept_dry.decode::<Unit>()?, Ok(()));
	print_weight("lease.accept", &accept_dry);
	let at = accepted.block_hash;
	let start = block_u32(client, at).await?;
	let deposit_paid = storage_deposit_paid(&accepted, &tenant_id);
	let [tenant_now, owner_now, lease_now] =
		free(client, at, [&tenant_id, &owner_id, &lease.address]).await?;
	assert_eq!(tenant_now, sub_signed(tenant_before - DEPOSIT - RENT - accepted.fee, deposit_paid));
	assert_eq!(owner_now, owner_before);
	assert_eq!(lease_now, lease_initial + DEPOSIT + RENT);
	let due = query::<DueInfo>(client, &owner_id, &lease, &msg("due_info")).await?;
	assert_eq!(
		due,
		DueInfo {
			state: LeaseState::Active,
			start: Some(start),
			end: Some(start + PERIODS * PERIOD_LENGTH),
			periods_paid: 1,
			next_period: Some(1),
			next_due: Some(start + PERIOD_LENGTH),
			overdue_after: Some(start + PERIOD_LENGTH + GRACE),
			deposit_held: DEPOSIT,
			rent_escrow: RENT,
			rent_escrow_unlocks: Some(start + PERIOD_LENGTH),
			damage_claimed: 0,
			returned_at: None,
			review_ends: None,
			terminated_by: None,
		}
	);

	// Period 1: Charlie pays on time, straight to Bob (an OnTimePayment record).
	let period_1 = start + PERIOD_LENGTH;
	client.wait_best(period_1.into(), TIMEOUT).await?;
	let before = client.best_hash().await?;
	let [tenant_before, owner_before, lease_before] =
		free(client, before, [&tenant_id, &owner_id, &lease.address]).await?;
	let (paid, pay_dry) = call(client, &tenant, &lease, RENT, &msg("pay_rent")).await?;
	assert_eq!(paid.outcome, Ok(()));
	print_weight("lease.pay_rent", &pay_dry);
	let paid_at = block_u32(client, paid.block_hash).await?;
	ensure!(
		paid_at <= period_1 + GRACE,
		"the rent of period 1 was included at #{paid_at}, after its grace period (#{}): the \
		 node is too slow for this test's timing",
		period_1 + GRACE
	);
	let deposit_paid = storage_deposit_paid(&paid, &tenant_id);
	let [tenant_now, owner_now, lease_now] =
		free(client, paid.block_hash, [&tenant_id, &owner_id, &lease.address]).await?;
	assert_eq!(tenant_now, sub_signed(tenant_before - RENT - paid.fee, deposit_paid));
	assert_eq!(owner_now, owner_before + RENT);
	assert_eq!(lease_now, lease_before);

	// Period 2 has not started: its rent is not due and not overdue yet (dry-runs).
	let period_2 = start + 2 * PERIOD_LENGTH;
	let best = client.best_number().await?;
	ensure!(best < u64::from(period_2), "the node is too slow for this test's timing (#{best})");
	let early = dry_run_call(client, &tenant_id, &lease, RENT, &msg("pay_rent")).await?;
	assert!(early.reverted);
	assert_eq!(early.decode::<Unit>()?, Err(LeaseError::RentNotDue));
	let early = dry_run_call(client, &owner_id, &lease, 0, &msg("claim_late_rent")).await?;
	assert_eq!(early.decode::<Unit>()?, Err(LeaseError::NotOverdue));

	// Period 2: Charlie does not pay; past the grace period Bob takes the rent from the
	// deposit (a LatePayment record).
	client.wait_best((period_2 + GRACE + 1).into(), TIMEOUT).await?;
	let before = client.best_hash().await?;
	let [tenant_before, owner_before, lease_before] =
		free(client, before, [&tenant_id, &owner_id, &lease.address]).await?;
	let (claimed, claim_dry) = call(client, &owner, &lease, 0, &msg("claim_late_rent")).await?;
	assert_eq!(claimed.outcome, Ok(()));
	print_weight("lease.claim_late_rent", &claim_dry);
	let deposit_paid = storage_deposit_paid(&claimed, &owner_id);
	let [tenant_now, owner_now, lease_now] =
		free(client, claimed.block_hash, [&tenant_id, &owner_id, &lease.address]).await?;
	assert_eq!(tenant_now, tenant_before);
	assert_eq!(owner_now, sub_signed(owner_before + RENT - claimed.fee, deposit_paid));
	assert_eq!(lease_now, lease_before - RENT);
	let due = query::<DueInfo>(client, &owner_id, &lease, &msg("due_info")).await?;
	assert_eq!((due.periods_paid, due.deposit_held), (PERIODS, DEPOSIT - RENT), "{due:?}");

	// After the last period Charlie returns the asset; Bob confirms: the deposit left goes
	// back to Charlie, the escrowed first rent to Bob (CompletedDeal records for both).
	let end = start + PERIODS * PERIOD_LENGTH;
	client.wait_best(end.into(), TIMEOUT).await?;
	let (returned, _) = call(client, &tenant, &lease, 0, &msg("return_asset")).await?;
	assert_eq!(returned.outcome, Ok(()));
	assert_eq!(
		query::<LeaseState>(client, &owner_id, &lease, &msg("state")).await?,
		LeaseState::Returned
	);
	let before = client.best_hash().await?;
	let [tenant_before, owner_before, lease_before] =
		free(client, before, [&tenant_id, &owner_id, &lease.address]).await?;
	let (confirmed, confirm_dry) = call(client, &owner, &lease, 0, &msg("confirm_return")).await?;
	assert_eq!(confirmed.outcome, Ok(()));
	print_weight("lease.confirm_return", &confirm_dry);
	let deposit_paid = storage_deposit_paid(&confirmed, &owner_id);
	let [tenant_now, owner_now, lease_now] =
		free(client, confirmed.block_hash, [&tenant_id, &owner_id, &lease.address]).await?;
	assert_eq!(tenant_now, tenant_before + (DEPOSIT - RENT));
	assert_eq!(owner_now, sub_signed(owner_before + RENT - confirmed.fee, deposit_paid));
	assert_eq!(lease_now, lease_before - DEPOSIT);
	assert_eq!(lease_now, lease_initial, "the lease's escrow is empty");
	let due = query::<DueInfo>(client, &owner_id, &lease, &msg("due_info")).await?;
	assert_eq!(due.state, LeaseState::Completed, "{due:?}");
	assert_eq!((due.deposit_held, due.rent_escrow), (0, 0), "{due:?}");

	// The records the lease filed, with the lease as reporter and its deal references.
	let page = assert_records(
		client,
		&tenant_id,
		&lease,
		&[("OnTimePayment", 1), ("LatePayment", 1), ("CompletedDeal", 1)],
	)
	.await?;
	for (index, (kind, period)) in [(1u8, 1u32), (2, 2), (0, 0)].into_iter().enumerate() {
		let deal = selector_call(&code, "deal_reference", (kind, period));
		let expected = query::<[u8; 32]>(client, &owner_id, &lease, &deal).await?;
		assert_eq!(bytes32(&page["records"][index]["record"]["deal"])?, expected, "{page}");
	}
	assert_records(client, &owner_id, &lease, &[("CompletedDeal", 1)]).await?;
	// Charlie: 500 + 5 - 10 + 10; Bob: 500 + 10.
	assert_eq!(credit_score(client, &tenant_id).await?, 505);
	assert_eq!(credit_score(client, &owner_id).await?, 510);

	// A second lease asks for a score of 600: Charlie (505) is refused. The dry-run shows the
	// contract's error; on chain the call reverts and Charlie pays only the fee.
	let (strict, _) =
		instantiate(client, &owner, &code, "new", lease_terms(STRICT_MIN_SCORE, &arbiter_id), 0)
			.await?;
	let refused_dry =
		dry_run_call(client, &tenant_id, &strict, DEPOSIT + RENT, &msg("accept")).await?;
	assert!(refused_dry.reverted, "{refused_dry:?}");
	assert_eq!(refused_dry.decode::<Unit>()?, Err(LeaseError::ScoreTooLow));
	let before = client.best_hash().await?;
	let [tenant_before, strict_before] =
		free(client, before, [&tenant_id, &strict.address]).await?;
	let (refused, _) = call(client, &tenant, &strict, DEPOSIT + RENT, &msg("accept")).await?;
	assert_eq!(refused.outcome, Err(REVERTED.to_string()));
	assert_eq!(storage_deposit_paid(&refused, &tenant_id), 0);
	let [tenant_now, strict_now] =
		free(client, refused.block_hash, [&tenant_id, &strict.address]).await?;
	assert_eq!(tenant_now, tenant_before - refused.fee);
	assert_eq!(strict_now, strict_before);
	assert_eq!(
		query::<LeaseState>(client, &owner_id, &strict, &msg("state")).await?,
		LeaseState::Listed
	);
	Ok(())
}

// ---------------------------------------------------------------------------------------------
// Ride

/// The lowest driver score (the neutral score).
const MIN_DRIVER_SCORE: u16 = 500;
/// What a rider pays the driver for cancelling an accepted ride.
const CANCELLATION_FEE: u128 = 2 * UNIT;
/// Blocks after the acceptance before a no-show may be reported.
const NO_SHOW_WAIT: u32 = 5;
/// The maximum fare the rider sends with the request.
const MAX_FARE: u128 = 20 * UNIT;
/// The actual fare.
const FARE: u128 = 15 * UNIT;

/// `ride::RideState`, in declaration order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode)]
enum RideState {
	Requested,
	Accepted,
	Started,
	Completed,
	Disputed,
	Resolved,
	Withdrawn,
	CancelledByRider,
	CancelledByDriver,
	RiderNoShow,
}

/// `ride::Error`, in declaration order (SCALE: the variant index).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode)]
enum RideError {
	ScoreOutOfRange,
	ZeroNoShowWait,
	RideNotFound,
	ZeroFare,
	ArbiterIsParty,
	DriverIsRider,
	NotRider,
	NotDriver,
	NotParty,
	NotArbiter,
	WrongState,
	NotRequested,
	RideTaken,
	ScoreTooLow,
	CreditScoreUnavailable,
	NoShowWaitNotOver,
	FareAboveMaximum,
	InvalidStars,
	AlreadyRated,
	InvalidAmount,
	Overflow,
	TransferFailed,
}

/// `ride::Ride`.
#[derive(Clone, Debug, PartialEq, Eq, Decode)]
struct Ride {
	rider: [u8; 32],
	driver: Option<[u8; 32]>,
	pickup: [u8; 32],
	dropoff: [u8; 32],
	max_fare: u128,
	state: RideState,
	requested_at: u32,
	accepted_at: Option<u32>,
	started_at: Option<u32>,
	disputed_by: Option<[u8; 32]>,
	settled_at: Option<u32>,
	escrow: u128,
	paid_to_driver: u128,
	refunded_to_rider: u128,
	stars_for_driver: Option<u8>,
	stars_for_rider: Option<u8>,
}

#[tokio::test]
async fn ride_full_cycle() -> anyhow::Result<()> {
	let code = ContractBundle::load("ride")?;
	let chain = DevChain::start("sharechain-ride").await?;
	let client = &chain.client;

	let operator = dev::bob();
	let operator_id = operator.public_key().to_account_id();
	let rider = dev::dave();
	let rider_id = rider.public_key().to_account_id();
	let driver = dev::eve();
	let driver_id = driver.public_key().to_account_id();
	let other_driver = dev::charlie();
	let other_id = other_driver.public_key().to_account_id();
	let arbiter_id = dev::ferdie().public_key().to_account_id();
	type Unit = Result<(), RideError>;
	const ID: u64 = 0;
	let (pickup, dropoff) = ([0x01u8; 32], [0x02u8; 32]);

	// Bob sets up the service; governance makes it a credit reporter.
	let terms = (MIN_DRIVER_SCORE, CANCELLATION_FEE, NO_SHOW_WAIT, arbiter_id.0).encode();
	let (rides, _) = instantiate(client, &operator, &code, "new", terms, 0).await?;
	add_reporter(client, &rides, b"Rides").await?;

	// Dave requests a ride, sending the maximum fare into escrow.
	let before = client.best_hash().await?;
	let [rider_before, service_before] = free(client, before, [&rider_id, &rides.address]).await?;
	let request = selector_call(&code, "request_ride", (pickup, dropoff));
	let (requested, request_dry) = call(client, &rider, &rides, MAX_FARE, &request).await?;
	assert_eq!(requested.outcome, Ok(()));
	assert_eq!(request_dry.decode::<Result<u64, RideError>>()?, Ok(ID));
	print_weight("ride.request_ride", &request_dry);
	let requested_at = block_u32(client, requested.block_hash).await?;
	let deposit_paid = storage_deposit_paid(&requested, &rider_id);
	let [rider_now, service_now] =
		free(client, requested.block_hash, [&rider_id, &rides.address]).await?;
	assert_eq!(rider_now, sub_signed(rider_before - MAX_FARE - requested.fee, deposit_paid));
	assert_eq!(service_now, service_before + MAX_FARE);

	// Eve (score 500) accepts it.
	let accept = selector_call(&code, "accept_ride", ID);
	let before = client.best_hash().await?;
	let [driver_before, rider_before, service_before] =
		free(client, before, [&driver_id, &rider_id, &rides.address]).await?;
	let (accepted, accept_dry) = call(client, &driver, &rides, 0, &accept).await?;
	assert_eq!(accepted.outcome, Ok(()));
	assert_eq!(accept_dry.decode::<Unit>()?, Ok(()));
	print_weight("ride.accept_ride", &accept_dry);
	let accepted_at = block_u32(client, accepted.block_hash).await?;
	let deposit_paid = storage_deposit_paid(&accepted, &driver_id);
	let [driver_now, rider_now, service_now] =
		free(client, accepted.block_hash, [&driver_id, &rider_id, &rides.address]).await?;
	assert_eq!(driver_now, sub_signed(driver_before - accepted.fee, deposit_paid));
	assert_eq!((rider_now, service_now), (rider_before, service_before));

	// Charlie tries to take the same ride: refused in the dry-run (RideTaken) and on chain
	// (reverted, only his fee is paid, nothing else moves).
	let taken = dry_run_call(client, &other_id, &rides, 0, &accept).await?;
	assert!(taken.reverted, "{taken:?}");
	assert_eq!(taken.decode::<Unit>()?, Err(RideError::RideTaken));
	let before = client.best_hash().await?;
	let [other_before, driver_before, rider_before, service_before] =
		free(client, before, [&other_id, &driver_id, &rider_id, &rides.address]).await?;
	let (refused, _) = call(client, &other_driver, &rides, 0, &accept).await?;
	assert_eq!(refused.outcome, Err(REVERTED.to_string()));
	let [other_now, driver_now, rider_now, service_now] =
		free(client, refused.block_hash, [&other_id, &driver_id, &rider_id, &rides.address])
			.await?;
	assert_eq!(other_now, other_before - refused.fee);
	assert_eq!((driver_now, rider_now, service_now), (driver_before, rider_before, service_before));
	let ride = query::<Option<Ride>>(client, &rider_id, &rides, &selector_call(&code, "ride", ID))
		.await?
		.context("ride 0")?;
	assert_eq!((ride.state, ride.driver), (RideState::Accepted, Some(driver_id.0)));

	// Eve starts the ride and completes it with a fare of 15: Eve gets 15, Dave 5 back.
	let (started, _) =
		call(client, &driver, &rides, 0, &selector_call(&code, "start_ride", ID)).await?;
	assert_eq!(started.outcome, Ok(()));
	let started_at = block_u32(client, started.block_hash).await?;
	let before = client.best_hash().await?;
	let [driver_before, rider_before, service_before] =
		free(client, before, [&driver_id, &rider_id, &rides.address]).await?;
	let complete = selector_call(&code, "complete_ride", (ID, FARE));
	let (completed, complete_dry) = call(client, &driver, &rides, 0, &complete).await?;
	assert_eq!(completed.outcome, Ok(()));
	assert_eq!(complete_dry.decode::<Unit>()?, Ok(()));
	print_weight("ride.complete_ride", &complete_dry);
	let settled_at = block_u32(client, completed.block_hash).await?;
	let deposit_paid = storage_deposit_paid(&completed, &driver_id);
	let [driver_now, rider_now, service_now] =
		free(client, completed.block_hash, [&driver_id, &rider_id, &rides.address]).await?;
	assert_eq!(driver_now, sub_signed(driver_before + FARE - completed.fee, deposit_paid));
	assert_eq!(rider_now, rider_before + (MAX_FARE - FARE));
	assert_eq!(service_now, service_before - MAX_FARE);

	// Both rate the other 5 stars; a second rating is refused.
	for (who, label) in [(&rider, "rider"), (&driver, "driver")] {
		let (rated, _) =
			call(client, who, &rides, 0, &selector_call(&code, "rate", (ID, 5u8))).await?;
		assert_eq!(rated.outcome, Ok(()), "rating by the {label}");
	}
	let again =
		dry_run_call(client, &rider_id, &rides, 0, &selector_call(&code, "rate", (ID, 4u8)))
			.await?;
	assert_eq!(again.decode::<Unit>()?, Err(RideError::AlreadyRated));

	let ride = query::<Option<Ride>>(client, &rider_id, &rides, &selector_call(&code, "ride", ID))
		.await?
		.context("ride 0")?;
	assert_eq!(
		ride,
		Ride {
			rider: rider_id.0,
			driver: Some(driver_id.0),
			pickup,
			dropoff,
			max_fare: MAX_FARE,
			state: RideState::Completed,
			requested_at,
			accepted_at: Some(accepted_at),
			started_at: Some(started_at),
			disputed_by: None,
			settled_at: Some(settled_at),
			escrow: 0,
			paid_to_driver: FARE,
			refunded_to_rider: MAX_FARE - FARE,
			stars_for_driver: Some(5),
			stars_for_rider: Some(5),
		}
	);

	// Each side has the completion record (weight 1) and the 5-star rating (CompletedDeal,
	// weight 2), filed by the service: 500 + 10 + 20.
	for who in [&rider_id, &driver_id] {
		assert_records(client, who, &rides, &[("CompletedDeal", 1), ("CompletedDeal", 2)]).await?;
		assert_eq!(credit_score(client, who).await?, 530);
	}
	assert_records(client, &other_id, &rides, &[]).await?;
	assert_records(client, &operator_id, &rides, &[]).await?;
	Ok(())
}

// ---------------------------------------------------------------------------------------------
// ERC-20

/// The token's supply.
const SUPPLY: u128 = 1_000_000_000;

/// `erc20::Error`, in declaration order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode)]
enum Erc20Error {
	InsufficientBalance,
	InsufficientAllowance,
}

#[tokio::test]
async fn erc20_transfer_weight() -> anyhow::Result<()> {
	let code = ContractBundle::load("erc20")?;
	let chain = DevChain::start("sharechain-erc20").await?;
	let client = &chain.client;

	let alice = dev::alice();
	let alice_id = alice.public_key().to_account_id();
	let bob_id = dev::bob().public_key().to_account_id();
	let charlie_id = dev::charlie().public_key().to_account_id();
	type Unit = Result<(), Erc20Error>;

	let (token, _) = instantiate(client, &alice, &code, "new", SUPPLY.encode(), 0).await?;
	let balance_of = |who: &AccountId32| selector_call(&code, "balance_of", who.0);

	// Alice sends Bob 100 tokens: the reference weight (a transfer to a new holder).
	let transfer = selector_call(&code, "transfer", (bob_id.0, 100u128));
	let (sent, transfer_dry) = call(client, &alice, &token, 0, &transfer).await?;
	assert_eq!(sent.outcome, Ok(()));
	assert_eq!(transfer_dry.decode::<Unit>()?, Ok(()));
	print_weight("erc20.transfer", &transfer_dry);
	assert_eq!(query::<u128>(client, &alice_id, &token, &balance_of(&bob_id)).await?, 100);
	assert_eq!(
		query::<u128>(client, &alice_id, &token, &balance_of(&alice_id)).await?,
		SUPPLY - 100
	);
	let total = selector_call(&code, "total_supply", ());
	assert_eq!(query::<u128>(client, &alice_id, &token, &total).await?, SUPPLY);

	// The same transfer again, to an existing holder (dry-run only).
	let again = dry_run_call(client, &alice_id, &token, 0, &transfer).await?;
	assert_eq!(again.decode::<Unit>()?, Ok(()));
	print_weight("erc20.transfer (existing holder)", &again);

	// Bob cannot send more than he holds.
	let too_much = selector_call(&code, "transfer", (charlie_id.0, 101u128));
	let refused = dry_run_call(client, &bob_id, &token, 0, &too_much).await?;
	assert!(refused.reverted, "{refused:?}");
	assert_eq!(refused.decode::<Unit>()?, Err(Erc20Error::InsufficientBalance));
	Ok(())
}
