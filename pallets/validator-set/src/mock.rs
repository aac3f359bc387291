//! Test runtime for the validator set pallet: System, Balances, Session and ValidatorSet.

use crate as pallet_validator_set;
use frame_support::{
	derive_impl, ord_parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureSignedBy;
use sp_runtime::{
	testing::UintAuthorityId, traits::OpaqueKeys, BuildStorage, KeyTypeId, RuntimeAppPublic,
};

/// Account ids of the test runtime.
pub type AccountId = u64;

/// The governance account allowed to add and remove validators.
pub const GOVERNANCE: AccountId = 100;
/// Blocks per session.
pub const SESSION_LENGTH: u64 = 5;
/// Fewest validators.
pub const MIN_AUTHORITIES: u32 = 2;
/// Most validators.
pub const MAX_AUTHORITIES: u32 = 4;

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
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// The session handler of the test: records nothing, takes the dummy key type.
pub struct TestSessionHandler;

impl pallet_session::SessionHandler<AccountId> for TestSessionHandler {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[UintAuthorityId::ID];
	fn on_genesis_session<K: OpaqueKeys>(_validators: &[(AccountId, K)]) {}
	fn on_new_session<K: OpaqueKeys>(
		_changed: bool,
		_validators: &[(AccountId, K)],
		_queued: &[(AccountId, K)],
	) {
	}
	fn on_disabled(_validator_index: u32) {}
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = crate::ValidatorOf<Test>;
	type ShouldEndSession =
		pallet_session::PeriodicSessions<crate::SessionPeriodOf<Test>, ConstU64<0>>;
	type NextSessionRotation =
		pallet_session::PeriodicSessions<crate::SessionPeriodOf<Test>, ConstU64<0>>;
	type SessionManager = ValidatorSet;
	type SessionHandler = TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<0>;
}

ord_parameter_types! {
	pub const Governance: AccountId = GOVERNANCE;
}

impl pallet_validator_set::Config for Test {
	type AddRemoveOrigin = EnsureSignedBy<Governance, AccountId>;
	type MinAuthorities = ConstU32<MIN_AUTHORITIES>;
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
}

/// Externalities with validators 1, 2 and 3 (keys set at genesis) and funded accounts 1..=9.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage =
		frame_system::GenesisConfig::<Test>::default().build_storage().expect("system genesis");
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=9).map(|who| (who, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.expect("balances genesis");
	pallet_validator_set::GenesisConfig::<Test> {
		initial_validators: vec![1, 2, 3],
		session_period: SESSION_LENGTH,
	}
	.assimilate_storage(&mut storage)
	.expect("validator set genesis");
	pallet_session::GenesisConfig::<Test> {
		keys: (1..=3).map(|who| (who, who, UintAuthorityId(who))).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.expect("session genesis");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Advance to block `n`, running every pallet's hooks (sessions rotate every
/// [`SESSION_LENGTH`] blocks).
pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}

/// Advance to the first block of session `index`.
pub fn run_to_session(index: u32) {
	run_to_block(u64::from(index) * SESSION_LENGTH);
	assert_eq!(pallet_session::CurrentIndex::<Test>::get(), index);
}
