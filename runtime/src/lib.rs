//! # Sharechain runtime
//!
//! The FRAME runtime of Sharechain, a blockchain for the sharing economy: credit records,
//! data-access permissions, e-voting and ink! contracts for lease and ride agreements.
//!
//! This crate composes the pallets (see [`runtime`]), configures them (see [`configs`]),
//! exposes the runtime APIs (see [`apis`]) and the genesis presets
//! (see [`genesis_config_presets`]).
//!
//! ## Block time
//! [`MILLI_SECS_PER_BLOCK`] is the target block time: Aura slots are that long and every
//! validator may author one block per slot. GRANDPA finalizes blocks a few seconds behind.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`runtime` expand to items without docs.
#![allow(missing_docs)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod chain_extension;
pub mod configs;
pub mod genesis_config_presets;
pub mod governance;

extern crate alloc;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use governance::pallet_custom_origins;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types, used by the node to handle blocks without knowing the runtime's extrinsic
/// format.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: an Aura key to author blocks and a GRANDPA key to vote
	/// on finality. Registered with `Session::set_keys(keys, proof)` (see `docs/governance.md`).
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime version. `spec_version` is bumped on every runtime change that reaches a
/// live chain; `transaction_version` when call indices or transaction encodings change.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("sharechain"),
	impl_name: alloc::borrow::Cow::Borrowed("sharechain-node"),
	authoring_version: 1,
	spec_version: 104,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Target block time in milliseconds: the Aura slot duration.
///
/// Three seconds keeps the dev chain and the end-to-end tests responsive while leaving
/// validators on a real network time to import and gossip blocks. It cannot be changed on a
/// running chain (Aura's slot duration is fixed at genesis).
pub const MILLI_SECS_PER_BLOCK: u64 = 3000;

/// Aura slot duration; equal to [`MILLI_SECS_PER_BLOCK`].
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Number of blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Number of blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Number of blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// Number of recent block hashes kept in state.
pub const BLOCK_HASH_COUNT: BlockNumber = 2400;

/// One SHR, the native token (12 decimals).
pub const UNIT: Balance = 1_000_000_000_000;
/// 10^-3 SHR.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// 10^-6 SHR.
pub const MICRO_UNIT: Balance = 1_000_000;

/// The minimum balance an account must keep to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Token symbol, used in the chain spec properties and the metadata hash.
pub const TOKEN_SYMBOL: &str = "SHR";
/// Token decimals.
pub const TOKEN_DECIMALS: u8 = 12;
/// SS58 address prefix (42: the generic Substrate prefix, understood by every wallet).
pub const SS58_PREFIX: u16 = 42;

/// Transaction signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// An account id: the public key of the signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Balance of an account.
pub type Balance = u128;

/// Index of a transaction in the chain.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// An index to a block.
pub type BlockNumber = u32;

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block signed with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;

/// Block identifier type as expected by this runtime.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions, checked in this order for every signed transaction.
///
/// `CheckMetadataHash` lets offline signers prove which metadata they used: the runtime is
/// built with its metadata hash embedded (see `build.rs`).
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Runtime migrations beyond the pallets' own.
#[allow(unused_parens)]
type Migrations = ();

/// Executive: dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The composition of the runtime. Pallet indices are part of the transaction encoding:
/// never reuse or reorder them.
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
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;

	/// The validators, chosen by the `validators` track; declared before `Session`, whose
	/// genesis reads them.
	#[runtime::pallet_index(8)]
	pub type ValidatorSet = pallet_validator_set;

	/// Sessions: the validators' keys, from which Aura and GRANDPA take their authorities.
	#[runtime::pallet_index(9)]
	pub type Session = pallet_session;

	// Sharechain's own pallets start at index 20.
	#[runtime::pallet_index(20)]
	pub type Credit = pallet_credit;

	#[runtime::pallet_index(21)]
	pub type DataAccess = pallet_data_access;

	#[runtime::pallet_index(22)]
	pub type Voting = pallet_voting;

	/// The origins of the governance tracks below `Root` (see [`crate::governance`]).
	#[runtime::pallet_index(23)]
	pub type Origins = pallet_custom_origins;

	// Smart contracts start at index 30.
	#[runtime::pallet_index(30)]
	pub type Contracts = pallet_contracts;
}

/// Keeps `Vec` imported for the opaque keys macro in `no_std` builds.
#[allow(dead_code)]
type _UnusedVec = Vec<u8>;
