//! Test runtime for the credit pallet: System, Balances and Credit.

use crate as pallet_credit;
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_runtime::{BuildStorage, Perbill};

/// Account ids of the test runtime.
pub type AccountId = u64;
/// Balance of the test runtime.
pub type Balance = u64;
/// Block number of the test runtime.
pub type BlockNumber = u64;

/// A subject with plenty of funds.
pub const ALICE: AccountId = 1;
/// Another subject with plenty of funds.
pub const BOB: AccountId = 2;
/// An account that cannot afford a dispute deposit.
pub const POOR: AccountId = 3;
/// A reporter (a platform).
pub const PLATFORM: AccountId = 10;
/// A second reporter.
pub const OTHER_PLATFORM: AccountId = 11;

/// Initial balance of every endowed account but [`POOR`].
pub const ENDOWMENT: Balance = 10_000;
/// Initial balance of [`POOR`]: less than a deposit.
pub const POOR_ENDOWMENT: Balance = 50;
/// The dispute deposit.
pub const DEPOSIT: Balance = 100;
/// Blocks per decay epoch.
pub const DECAY_PERIOD: BlockNumber = 100;
/// Largest record weight.
pub const MAX_RECORD_WEIGHT: u32 = 10;
/// Longest reporter name.
pub const MAX_NAME_LENGTH: u32 = 16;

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
	pub type Credit = pallet_credit;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

parameter_types! {
	/// A fifth of the deposit is slashed when a dispute is upheld.
	pub const UpheldDisputeSlash: Perbill = Perbill::from_percent(20);
}

impl pallet_credit::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Slashed deposits are burnt.
	type Slash = ();
	type ReporterOrigin = EnsureRoot<AccountId>;
	type ArbiterOrigin = EnsureRoot<AccountId>;
	type DisputeDeposit = ConstU64<DEPOSIT>;
	type UpheldDisputeSlash = UpheldDisputeSlash;
	type MaxNameLength = ConstU32<MAX_NAME_LENGTH>;
	type MaxRecordWeight = ConstU32<MAX_RECORD_WEIGHT>;
	type DecayPeriod = ConstU64<DECAY_PERIOD>;
	type WeightInfo = ();
}

/// Builds the genesis state of a test.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: vec![
				(ALICE, ENDOWMENT),
				(BOB, ENDOWMENT),
				(POOR, POOR_ENDOWMENT),
				(PLATFORM, ENDOWMENT),
				(OTHER_PLATFORM, ENDOWMENT),
			],
		}
	}
}

impl ExtBuilder {
	/// Externalities at block 1 with the endowed accounts.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.expect("system genesis builds");
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.expect("balances genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		// Events are only recorded from block 1 on.
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			assert_ok!(Credit::do_try_state());
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
