//! Configuration of every pallet in the runtime.

pub mod contracts;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask,
	System, BLOCK_HASH_COUNT, DAYS, EXISTENTIAL_DEPOSIT, SLOT_DURATION, SS58_PREFIX, UNIT, VERSION,
};

/// Share of a block that normal (non-operational) transactions may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = BLOCK_HASH_COUNT;
	pub const Version: RuntimeVersion = VERSION;

	/// One second of compute per 3-second block: authoring, import and gossip must fit in a
	/// slot on modest validator hardware.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// At most 5 MiB per block, of which normal transactions may fill 75%.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

/// System: defaults from the solochain preset, overridden where Sharechain differs.
#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type BaseCallFilter = SharechainCallFilter;
}

/// The most authorities Aura, GRANDPA and the validator set take.
pub const MAX_AUTHORITIES: u32 = 32;

/// Every call may be dispatched but `Session::purge_keys`: a validator that dropped its own
/// keys could leave the chain without authorities. Keys are purged when governance removes a
/// validator (`ValidatorSet::remove_validator`, which calls the session pallet directly).
pub struct SharechainCallFilter;

impl frame_support::traits::Contains<RuntimeCall> for SharechainCallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::Session(pallet_session::Call::purge_keys { .. }))
	}
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are burnt (no treasury yet).
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = crate::OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held from a subject for each dispute it opens.
	pub const CreditDisputeDeposit: Balance = 10 * UNIT;
	/// Half of the deposit is slashed (burnt) when the arbiter upholds the disputed record.
	pub const CreditUpheldDisputeSlash: Perbill = Perbill::from_percent(50);
	/// A record's impact on the score halves every 30 days.
	pub const CreditDecayPeriod: BlockNumber = 30 * DAYS;
}

/// Credit records and scores. Reporters and disputes are governed by the `credit_admin` track
/// (or `Root`: the `root` track, and Sudo on the dev chain only).
impl pallet_credit::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Slash = ();
	type ReporterOrigin = crate::governance::CreditAdminOrigin;
	type ArbiterOrigin = crate::governance::CreditAdminOrigin;
	type DisputeDeposit = CreditDisputeDeposit;
	type UpheldDisputeSlash = CreditUpheldDisputeSlash;
	type MaxNameLength = ConstU32<64>;
	type MaxRecordWeight = ConstU32<10>;
	type DecayPeriod = CreditDecayPeriod;
	type WeightInfo = pallet_credit::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held from the owner of each active data set.
	pub const DataSetDeposit: Balance = 10 * UNIT;
	/// Held from a would-be reader for each open access request.
	pub const DataAccessRequestDeposit: Balance = UNIT;
	/// Held from the admin of each group.
	pub const DataAccessGroupDeposit: Balance = 5 * UNIT;
}

/// Data sets, grants with key envelopes, requests, groups and the audit log.
impl pallet_data_access::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type DataSetDeposit = DataSetDeposit;
	type RequestDeposit = DataAccessRequestDeposit;
	type GroupDeposit = DataAccessGroupDeposit;
	type MaxLocationLength = ConstU32<256>;
	type MaxMetadataLength = ConstU32<1024>;
	type MaxPurposeLength = ConstU32<128>;
	// Room above `SEALED_ENVELOPE_LEN` (the `sharechain-envelope` format) for a format change.
	type MaxEnvelopeLength = ConstU32<128>;
	type MaxGrantsPerDataSet = ConstU32<64>;
	type MaxGroupMembers = ConstU32<128>;
	type WeightInfo = pallet_data_access::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held from the proposer of each poll until it closes.
	pub const VotingPollDeposit: Balance = 100 * UNIT;
	/// Free balance that token-weighted votes neither count nor freeze (for fees).
	pub const VotingFeeReserve: Balance = UNIT;
	/// The heaviest call a poll may carry: 5% of a block, so that the
	/// `MaxPollsEndingPerBlock` polls closing in one block fit in its `on_initialize`.
	pub VotingMaxEnactmentWeight: Weight =
		Perbill::from_percent(5) * RuntimeBlockWeights::get().max_block;
	/// Shortest voting or reveal period: 10 blocks (30 s).
	pub const VotingMinPeriod: BlockNumber = 10;
	/// Longest voting or reveal period, and longest start delay: 30 days.
	pub const VotingMaxPeriod: BlockNumber = 30 * DAYS;
}

/// Polls with public or secret ballots. A poll that carries a call names a governance track
/// (see [`crate::governance`]); if it passes, its call is dispatched with that track's origin
/// after the track's enactment delay. The voter roll and the tracks' bars belong to the `root`
/// track.
impl pallet_voting::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type RuntimeCall = RuntimeCall;
	type RosterOrigin = frame_system::EnsureRoot<AccountId>;
	type Tracks = crate::governance::SharechainTracks;
	type TrackAdminOrigin = frame_system::EnsureRoot<AccountId>;
	type PollDeposit = VotingPollDeposit;
	type FeeReserve = VotingFeeReserve;
	type MaxOptions = ConstU32<16>;
	type MaxTitleLength = ConstU32<128>;
	type MaxOptionLength = ConstU32<64>;
	type MaxCallLength = ConstU32<4096>;
	type MaxEnactmentWeight = VotingMaxEnactmentWeight;
	type MaxPollsEndingPerBlock = ConstU32<4>;
	type MaxVotersPerPoll = ConstU32<10_000>;
	type MaxPollsPerVoter = ConstU32<16>;
	type MinVotingPeriod = VotingMinPeriod;
	type MaxVotingPeriod = VotingMaxPeriod;
	type WeightInfo = pallet_voting::weights::SubstrateWeight<Runtime>;
}

/// The origins of the governance tracks below `Root`.
impl crate::pallet_custom_origins::Config for Runtime {}

/// Sessions of `ValidatorSet::SessionPeriod` blocks (set at genesis). The validators of a
/// session are the validator set's members with keys; Aura and GRANDPA take their authorities
/// from their session keys. Only members may set keys (`ValidatorOf`), so no key deposit is
/// needed: at most `MaxAuthorities` key sets are stored.
impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_validator_set::ValidatorOf<Runtime>;
	type ShouldEndSession = pallet_session::PeriodicSessions<
		pallet_validator_set::SessionPeriodOf<Runtime>,
		ConstU32<0>,
	>;
	type NextSessionRotation = pallet_session::PeriodicSessions<
		pallet_validator_set::SessionPeriodOf<Runtime>,
		ConstU32<0>,
	>;
	type SessionManager = crate::ValidatorSet;
	type SessionHandler =
		<crate::SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = crate::SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = ConstU128<0>;
}

/// The validator set: changed by the `validators` track (or `Root`); never fewer than one
/// validator, never more than the 32 authorities Aura and GRANDPA take.
impl pallet_validator_set::Config for Runtime {
	type AddRemoveOrigin = crate::governance::ValidatorsOrigin;
	type MinAuthorities = ConstU32<1>;
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
}

// Silence unused-import warnings for items only some configurations use.
#[allow(dead_code)]
type _Unused = (AccountId, Nonce, PalletInfo, RuntimeOrigin, RuntimeTask);
