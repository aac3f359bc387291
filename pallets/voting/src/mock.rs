//! Test runtime for the voting pallet: System, Balances and Voting.

use crate::{self as pallet_voting, Electorate, TrackId, TrackInfo, TrackOrigins};
use frame_support::{
	assert_ok, derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, ConstU64, EitherOfDiverse},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_runtime::{BuildStorage, Perbill};

/// Account ids of the test runtime.
pub type AccountId = u64;
/// Balance of the test runtime.
pub type Balance = u64;
/// Block number of the test runtime.
pub type BlockNumber = u64;

/// A proposer and voter with plenty of funds.
pub const ALICE: AccountId = 1;
/// A voter with plenty of funds.
pub const BOB: AccountId = 2;
/// A voter with plenty of funds.
pub const CHARLIE: AccountId = 3;
/// A voter with plenty of funds.
pub const DAVE: AccountId = 4;
/// A voter with plenty of funds.
pub const EVE: AccountId = 5;
/// A voter with plenty of funds.
pub const FERDIE: AccountId = 6;
/// An account that can afford neither a deposit nor a vote (its balance is below the fee
/// reserve).
pub const POOR: AccountId = 7;

/// Initial balance of every endowed account but [`POOR`].
pub const ENDOWMENT: Balance = 10_000;
/// Initial balance of [`POOR`].
pub const POOR_ENDOWMENT: Balance = 8;
/// Total issuance at genesis.
pub const TOTAL_ISSUANCE: Balance = 6 * ENDOWMENT + POOR_ENDOWMENT;
/// The poll deposit.
pub const DEPOSIT: Balance = 100;
/// The part of the free balance that votes neither count nor freeze.
pub const FEE_RESERVE: Balance = 10;
/// Most options of a poll.
pub const MAX_OPTIONS: u32 = 4;
/// Longest title.
pub const MAX_TITLE_LENGTH: u32 = 32;
/// Longest option label.
pub const MAX_OPTION_LENGTH: u32 = 16;
/// Longest encoded call.
pub const MAX_CALL_LENGTH: u32 = 128;
/// Most polls closing in one block.
pub const MAX_POLLS_ENDING: u32 = 3;
/// Most ballots in one poll.
pub const MAX_VOTERS: u32 = 5;
/// Most token-weighted polls an account can hold locks for.
pub const MAX_POLLS_PER_VOTER: u32 = 3;
/// Shortest voting or reveal period.
pub const MIN_PERIOD: BlockNumber = 5;
/// Longest voting or reveal period, and longest start delay.
pub const MAX_PERIOD: BlockNumber = 100;

/// Track with the `Root` origin over token-weighted votes, without bars: any call.
pub const ROOT_TRACK: TrackId = 0;
/// Track with the `Root` origin over the voter roll, without bars: any call.
pub const ROLL_TRACK: TrackId = 1;
/// Track whose passed calls are dispatched as signed by [`ADMIN`], with real bars
/// ([`admin_track`]): only roll calls and `remark_with_event`.
pub const ADMIN_TRACK: TrackId = 2;
/// A track defined in code without bars in storage: it accepts no poll.
pub const BARLESS_TRACK: TrackId = 3;
/// Track whose passed calls are dispatched as signed by [`ADMIN`], any call, without bars:
/// for calls that re-enter the pallet (`close`, `enact`) during their own enactment.
pub const SIGNED_TRACK: TrackId = 4;
/// The account whose signed origin the admin track dispatches with: it may keep the roll.
pub const ADMIN: AccountId = 99;

ord_parameter_types! {
	pub const Admin: AccountId = ADMIN;
}

/// The bars of [`ADMIN_TRACK`].
pub fn admin_track() -> TrackInfo<Balance, BlockNumber> {
	TrackInfo {
		electorate: Electorate::TokenWeighted,
		min_turnout: Perbill::from_percent(20),
		min_approval: Perbill::from_percent(60),
		decision_deposit: 500,
		min_voting_period: 10,
		enactment_delay: 5,
	}
}

/// Bars that any poll meets, on `electorate`.
pub fn open_track(electorate: Electorate) -> TrackInfo<Balance, BlockNumber> {
	TrackInfo {
		electorate,
		min_turnout: Perbill::zero(),
		min_approval: Perbill::zero(),
		decision_deposit: DEPOSIT,
		min_voting_period: MIN_PERIOD,
		enactment_delay: 0,
	}
}

/// The tracks of the test runtime.
pub struct TestTracks;

impl TrackOrigins<RuntimeCall, RuntimeOrigin> for TestTracks {
	fn tracks() -> Vec<(TrackId, &'static str)> {
		vec![
			(ROOT_TRACK, "root"),
			(ROLL_TRACK, "roll"),
			(ADMIN_TRACK, "admin"),
			(BARLESS_TRACK, "barless"),
			(SIGNED_TRACK, "signed"),
		]
	}

	fn origin(track: TrackId) -> Option<RuntimeOrigin> {
		match track {
			ROOT_TRACK | ROLL_TRACK | BARLESS_TRACK => Some(RuntimeOrigin::root()),
			ADMIN_TRACK | SIGNED_TRACK => Some(RuntimeOrigin::signed(ADMIN)),
			_ => None,
		}
	}

	fn allows(track: TrackId, call: &RuntimeCall) -> bool {
		match track {
			ROOT_TRACK | ROLL_TRACK | BARLESS_TRACK | SIGNED_TRACK => true,
			ADMIN_TRACK => matches!(
				call,
				RuntimeCall::Voting(
					pallet_voting::Call::add_voter { .. }
						| pallet_voting::Call::remove_voter { .. }
				) | RuntimeCall::System(frame_system::Call::remark_with_event { .. })
			),
			_ => false,
		}
	}
}

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(2)]
	pub type Voting = pallet_voting;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = ConstU32<4>;
}

parameter_types! {
	/// The heaviest call a poll may carry; tests lower it to provoke `CallTooHeavy`.
	pub static MaxEnactmentWeight: Weight = Weight::from_parts(100_000_000_000, 1_000_000);
}

impl pallet_voting::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type RuntimeCall = RuntimeCall;
	type RosterOrigin = EitherOfDiverse<EnsureRoot<AccountId>, EnsureSignedBy<Admin, AccountId>>;
	type Tracks = TestTracks;
	type TrackAdminOrigin = EnsureRoot<AccountId>;
	type PollDeposit = ConstU64<DEPOSIT>;
	type FeeReserve = ConstU64<FEE_RESERVE>;
	type MaxOptions = ConstU32<MAX_OPTIONS>;
	type MaxTitleLength = ConstU32<MAX_TITLE_LENGTH>;
	type MaxOptionLength = ConstU32<MAX_OPTION_LENGTH>;
	type MaxCallLength = ConstU32<MAX_CALL_LENGTH>;
	type MaxEnactmentWeight = MaxEnactmentWeight;
	type MaxPollsEndingPerBlock = ConstU32<MAX_POLLS_ENDING>;
	type MaxVotersPerPoll = ConstU32<MAX_VOTERS>;
	type MaxPollsPerVoter = ConstU32<MAX_POLLS_PER_VOTER>;
	type MinVotingPeriod = ConstU64<MIN_PERIOD>;
	type MaxVotingPeriod = ConstU64<MAX_PERIOD>;
	type WeightInfo = ();
}

/// Builds the genesis state of a test.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
	voters: Vec<AccountId>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: vec![
				(ALICE, ENDOWMENT),
				(BOB, ENDOWMENT),
				(CHARLIE, ENDOWMENT),
				(DAVE, ENDOWMENT),
				(EVE, ENDOWMENT),
				(FERDIE, ENDOWMENT),
				(POOR, POOR_ENDOWMENT),
			],
			voters: Vec::new(),
		}
	}
}

impl ExtBuilder {
	/// Put `voters` on the voter roll at genesis (in this order, so their tickets are
	/// `0, 1, ...`).
	pub fn with_voters(mut self, voters: &[AccountId]) -> Self {
		self.voters = voters.to_vec();
		self
	}

	/// Externalities at block 1 with the endowed accounts and the genesis roll.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.expect("system genesis builds");
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.expect("balances genesis builds");
		let wide = |info: TrackInfo<Balance, BlockNumber>| TrackInfo {
			decision_deposit: u128::from(info.decision_deposit),
			electorate: info.electorate,
			min_turnout: info.min_turnout,
			min_approval: info.min_approval,
			min_voting_period: info.min_voting_period,
			enactment_delay: info.enactment_delay,
		};
		let tracks = vec![
			(ROOT_TRACK, wide(open_track(Electorate::TokenWeighted))),
			(ROLL_TRACK, wide(open_track(Electorate::VoterRoll))),
			(ADMIN_TRACK, wide(admin_track())),
			(SIGNED_TRACK, wide(open_track(Electorate::TokenWeighted))),
		];
		pallet_voting::GenesisConfig::<Test> { voters: self.voters, tracks }
			.assimilate_storage(&mut storage)
			.expect("voting genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		// Events are only recorded from block 1 on.
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			assert_ok!(Voting::do_try_state());
		});
	}
}

/// Externalities with the default genesis (used by the benchmark test suite).
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Run `test` on the default genesis, then check the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	ExtBuilder::default().build_and_execute(test)
}

/// Advance to block `n`, running the hooks of every pallet.
pub fn run_to_block(n: BlockNumber) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}
