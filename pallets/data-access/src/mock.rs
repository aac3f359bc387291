//! Test runtime for the data-access pallet: System, Balances and DataAccess.

use crate as pallet_data_access;
use frame_support::{
	assert_ok, derive_impl,
	traits::{ConstU32, ConstU64},
};
use sp_runtime::BuildStorage;

/// Account ids of the test runtime.
pub type AccountId = u64;
/// Balance of the test runtime.
pub type Balance = u64;
/// Block number of the test runtime.
pub type BlockNumber = u64;

/// A data set owner.
pub const OWNER: AccountId = 1;
/// A reader.
pub const ALICE: AccountId = 2;
/// Another reader.
pub const BOB: AccountId = 3;
/// An account that can afford no deposit and no price.
pub const POOR: AccountId = 4;
/// A group admin (a consortium).
pub const ADMIN: AccountId = 5;
/// A third reader.
pub const CHARLIE: AccountId = 6;
/// An account without any funds.
pub const NOBODY: AccountId = 99;

/// Initial balance of every endowed account but [`POOR`].
pub const ENDOWMENT: Balance = 10_000;
/// Initial balance of [`POOR`]: less than any deposit.
pub const POOR_ENDOWMENT: Balance = 5;
/// The existential deposit (that of `pallet_balances`' `TestDefaultConfig`).
pub const EXISTENTIAL_DEPOSIT: Balance = 1;
/// The data set deposit.
pub const DATA_SET_DEPOSIT: Balance = 100;
/// The request deposit.
pub const REQUEST_DEPOSIT: Balance = 10;
/// The group deposit.
pub const GROUP_DEPOSIT: Balance = 50;
/// Longest location.
pub const MAX_LOCATION_LENGTH: u32 = 32;
/// Longest metadata.
pub const MAX_METADATA_LENGTH: u32 = 48;
/// Longest purpose.
pub const MAX_PURPOSE_LENGTH: u32 = 16;
/// Longest envelope: a `sharechain-envelope` v1 envelope (93 bytes) fits.
pub const MAX_ENVELOPE_LENGTH: u32 = 128;
/// Most grants per data set.
pub const MAX_GRANTS: u32 = 4;
/// Most members per group.
pub const MAX_MEMBERS: u32 = 3;

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
	pub type DataAccess = pallet_data_access;
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

impl pallet_data_access::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type DataSetDeposit = ConstU64<DATA_SET_DEPOSIT>;
	type RequestDeposit = ConstU64<REQUEST_DEPOSIT>;
	type GroupDeposit = ConstU64<GROUP_DEPOSIT>;
	type MaxLocationLength = ConstU32<MAX_LOCATION_LENGTH>;
	type MaxMetadataLength = ConstU32<MAX_METADATA_LENGTH>;
	type MaxPurposeLength = ConstU32<MAX_PURPOSE_LENGTH>;
	type MaxEnvelopeLength = ConstU32<MAX_ENVELOPE_LENGTH>;
	type MaxGrantsPerDataSet = ConstU32<MAX_GRANTS>;
	type MaxGroupMembers = ConstU32<MAX_MEMBERS>;
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
				(OWNER, ENDOWMENT),
				(ALICE, ENDOWMENT),
				(BOB, ENDOWMENT),
				(POOR, POOR_ENDOWMENT),
				(ADMIN, ENDOWMENT),
				(CHARLIE, ENDOWMENT),
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
			assert_ok!(DataAccess::do_try_state());
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
