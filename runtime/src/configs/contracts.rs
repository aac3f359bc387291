//! Configuration of `pallet-contracts` 51.0.0: WASM smart contracts, written in ink! 5.1.
//!
//! Values follow the kitchensink runtime of polkadot-sdk (`substrate/bin/node/runtime`) and
//! `contracts-rococo`, except where noted: the storage deposits are sized for SHR (12
//! decimals, like the `substrate-contracts-node` that ink! targets), and contracts get
//! Sharechain's chain extension ([`crate::chain_extension::SharechainExtension`]).

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, Nothing, Randomness},
};
use frame_system::EnsureSigned;
use sp_runtime::Perbill;

use crate::{
	AccountId, Balance, Balances, BlockNumber, Hash, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, Timestamp, TransactionPayment, MILLI_UNIT, UNIT,
};

/// Storage deposit for `items` storage items holding `bytes` bytes in total.
///
/// 0.1 SHR per item and 5 micro-SHR per byte: the formula of `substrate-contracts-node` for a
/// 12-decimal token (kitchensink's `deposit` is written for a 14-decimal DOLLAR and would charge
/// about 1,800 SHR for a 30 KiB contract). Uploading a 30 KiB contract holds about 0.35 SHR
/// (2 items and its bytes), instantiating it about 0.1 SHR plus its storage and the code
/// lockup; deposits are held (`RuntimeHoldReason`) and released when the code or storage is
/// removed. Changing it on a live chain needs a migration of the held deposits.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	(items as Balance * UNIT + (bytes as Balance) * (5 * MILLI_UNIT / 100)) / 10
}

/// The event record type of the runtime, as returned by the `ContractsApi` dry-runs (the
/// pallet's `EventRecordOf<Runtime>`).
pub type EventRecord = frame_system::EventRecord<
	<Runtime as frame_system::Config>::RuntimeEvent,
	<Runtime as frame_system::Config>::Hash,
>;

parameter_types! {
	/// Deposit per storage item of a contract (and per stored code): 0.1 SHR.
	pub const ContractsDepositPerItem: Balance = deposit(1, 0);
	/// Deposit per byte of contract storage (and of stored code): 5 micro-SHR.
	pub const ContractsDepositPerByte: Balance = deposit(0, 1);
	/// Storage deposit limit of a call that does not set one: 1024 items and 1 MiB, about
	/// 107.6 SHR (kitchensink's choice of items and bytes).
	pub const ContractsDefaultDepositLimit: Balance = deposit(1024, 1024 * 1024);
	/// Share of a code's deposit held from every contract instantiated from it (and every
	/// delegate dependency lock), so that code in use cannot be removed cheaply: 30%, as in
	/// kitchensink and `contracts-rococo`.
	pub const ContractsCodeHashLockupDepositPercent: Perbill = Perbill::from_percent(30);
	/// Cost schedule and limits: the defaults, derived from the pallet's benchmarked weights.
	/// `Limits::runtime_memory` (128 MiB) matches the node's default heap of 2048 extra pages.
	pub ContractsSchedule: pallet_contracts::Schedule<Runtime> = Default::default();
}

/// The `Randomness` that `pallet-contracts` 51.0.0 still requires.
///
/// Contract code that imports `seal_random` (any version) is rejected at upload and
/// instantiation, so this is never called by a contract; it returns a constant, and must never
/// be used for anything else. It replaces the deprecated
/// `pallet-insecure-randomness-collective-flip`, as kitchensink's dummy does.
pub struct DeprecatedRandomness;

impl Randomness<Hash, BlockNumber> for DeprecatedRandomness {
	fn random(_subject: &[u8]) -> (Hash, BlockNumber) {
		(Hash::zero(), 0)
	}
}

/// Contracts: upload, instantiate and call ink! contracts. Anyone with SHR may upload and
/// instantiate; contracts cannot dispatch runtime calls (`CallFilter = Nothing`) and reach the
/// Sharechain pallets only through the chain extension.
impl pallet_contracts::Config for Runtime {
	/// `seal_now` reads the timestamp pallet (milliseconds).
	type Time = Timestamp;
	/// Never used by a contract (see [`DeprecatedRandomness`]).
	type Randomness = DeprecatedRandomness;
	/// Contract balances and storage deposits are in SHR; deposits use fungible holds.
	type Currency = Balances;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	/// The pallet's `HoldReason` (code upload and storage deposits) joins the runtime's.
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Contracts may not dispatch any runtime call through `call_runtime` (the conservative
	/// default of kitchensink): every dispatchable exposed here would have to stay stable
	/// forever, and they are not needed, the chain extension covers credit and data access.
	type CallFilter = Nothing;
	/// `seal_weight_to_fee` prices weight like transaction fees (informational only).
	type WeightPrice = TransactionPayment;
	/// The pallet's own benchmarked weights (they use our `DbWeight`, ParityDB). Replace with
	/// weights generated for our hardware once `pallet_contracts` is benchmarked here.
	type WeightInfo = pallet_contracts::weights::SubstrateWeight<Runtime>;
	/// Sharechain's chain extension (id `0x5348`), see `contracts/CHAIN_EXTENSION.md`.
	type ChainExtension = crate::chain_extension::SharechainExtension;
	type Schedule = ContractsSchedule;
	/// Contracts may nest calls 6 deep (5 frames + the root). Together with `MaxCodeLen` and
	/// `MaxTransientStorageSize` this must pass the pallet's `integrity_test` memory bound:
	/// `MaxCodeLen` must stay below 128,502 bytes with these values.
	type CallStack = [pallet_contracts::Frame<Self>; 5];
	type DepositPerByte = ContractsDepositPerByte;
	type DefaultDepositLimit = ContractsDefaultDepositLimit;
	type DepositPerItem = ContractsDepositPerItem;
	type CodeHashLockupDepositPercent = ContractsCodeHashLockupDepositPercent;
	/// Contract addresses derive from deployer, code hash, input and salt (what ink! tooling
	/// expects).
	type AddressGenerator = pallet_contracts::DefaultAddressGenerator;
	/// 123 KiB of WASM per contract, kitchensink's value (see `CallStack`).
	type MaxCodeLen = ConstU32<{ 123 * 1024 }>;
	/// Longest storage key a contract may use (ink! uses at most 36 bytes).
	type MaxStorageKeyLen = ConstU32<128>;
	/// 1 MiB of transient storage per call stack, kitchensink's value.
	type MaxTransientStorageSize = ConstU32<{ 1024 * 1024 }>;
	/// Delegate dependencies a contract may lock, kitchensink's value.
	type MaxDelegateDependencies = ConstU32<32>;
	/// No `#[unstable]` host functions: code importing one is rejected at upload.
	type UnsafeUnstableInterface = ConstBool<false>;
	/// Debug messages of a dry-run (`DebugInfo::UnsafeDebug` in `ContractsApi`) are capped at
	/// 2 MiB. On chain there is never a debug buffer.
	type MaxDebugBufferLen = ConstU32<{ 2 * 1024 * 1024 }>;
	/// Anyone may upload code (paying the deposit).
	type UploadOrigin = EnsureSigned<AccountId>;
	/// Anyone may instantiate a contract (paying the deposits).
	type InstantiateOrigin = EnsureSigned<AccountId>;
	/// A new deployment: the pallet's storage starts at its current version, nothing to
	/// migrate. Benchmarks need the pallet's no-op migration steps.
	#[cfg(not(feature = "runtime-benchmarks"))]
	type Migrations = ();
	#[cfg(feature = "runtime-benchmarks")]
	type Migrations = pallet_contracts::migration::codegen::BenchMigrations;
	/// No tracing or call interception (the recommended production setting).
	type Debug = ();
	/// Only valid value; exposes the environment types in the metadata.
	type Environment = ();
	/// Only valid value; exposes the host-function API version in the metadata.
	type ApiVersion = ();
	/// No XCM on a solochain: the XCM host functions do nothing useful.
	type Xcm = ();
}
