//! Weights for `pallet_credit`.
//!
//! PLACEHOLDER WEIGHTS: this file was NOT produced by the benchmark CLI. The numbers below are
//! rough estimates in the layout of polkadot-sdk's `frame-weight-template.hbs` so the pallet
//! builds and its calls are charged something sensible until they are measured. Regenerate it
//! with the node's benchmark command before any release, e.g.:
//!
//! ```text
//! sharechain-node benchmark pallet --runtime <runtime.wasm> --genesis-builder=runtime \
//!     --pallet=pallet_credit --extrinsic='*' --steps=50 --repeat=20 \
//!     --template=<frame-weight-template.hbs> --output=pallets/credit/src/weights.rs
//! ```
//!
//! Storage items counted per call (reads/writes), worst case:
//! - `add_reporter`: `Credit::Reporters` (r:1 w:1)
//! - `remove_reporter`: `Credit::Reporters` (r:1 w:1)
//! - `file_record`: `Reporters`, `DealRecords`, `NextRecordId`, `ScoreStates`,
//!   `SubjectRecordCount`, `ReporterRecordCount` (r:6); those plus `Records`, `SubjectRecords`,
//!   `ReporterRecords` (w:9)
//! - `dispute`: `Records`, `Disputes`, `ScoreStates`, `Balances::Holds`, `System::Account`
//!   (r:5 w:5)
//! - `resolve_dispute`: `Records`, `Disputes`, `ScoreStates`, `Balances::Holds`,
//!   `System::Account`, `Balances::TotalIssuance` (r:6 w:6)

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(dead_code)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_credit`.
pub trait WeightInfo {
	fn add_reporter() -> Weight;
	fn remove_reporter() -> Weight;
	fn file_record() -> Weight;
	fn dispute() -> Weight;
	fn resolve_dispute() -> Weight;
}

/// Weights for `pallet_credit` using the Substrate node and recommended hardware.
/// PLACEHOLDER values, see the module docs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Credit::Reporters` (r:1 w:1)
	fn add_reporter() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(15_000_000, 3593)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Credit::Reporters` (r:1 w:1)
	fn remove_reporter() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(15_000_000, 3593)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Credit::Reporters` (r:1 w:1)
	/// Storage: `Credit::DealRecords` (r:1 w:1)
	/// Storage: `Credit::NextRecordId` (r:1 w:1)
	/// Storage: `Credit::ScoreStates` (r:1 w:1)
	/// Storage: `Credit::SubjectRecordCount` (r:1 w:1)
	/// Storage: `Credit::ReporterRecordCount` (r:1 w:1)
	/// Storage: `Credit::Records` (r:0 w:1)
	/// Storage: `Credit::SubjectRecords` (r:0 w:1)
	/// Storage: `Credit::ReporterRecords` (r:0 w:1)
	fn file_record() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(60_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Credit::Records` (r:1 w:1)
	/// Storage: `Credit::Disputes` (r:1 w:1)
	/// Storage: `Credit::ScoreStates` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	fn dispute() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(70_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Credit::Records` (r:1 w:1)
	/// Storage: `Credit::Disputes` (r:1 w:1)
	/// Storage: `Credit::ScoreStates` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	/// Storage: `Balances::TotalIssuance` (r:1 w:1)
	fn resolve_dispute() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(90_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

// For backwards compatibility and tests.
// PLACEHOLDER values, see the module docs.
impl WeightInfo for () {
	/// Storage: `Credit::Reporters` (r:1 w:1)
	fn add_reporter() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(15_000_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `Credit::Reporters` (r:1 w:1)
	fn remove_reporter() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(15_000_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: see `SubstrateWeight::file_record`.
	fn file_record() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(60_000_000, 4000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
	}
	/// Storage: see `SubstrateWeight::dispute`.
	fn dispute() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(70_000_000, 4000)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	/// Storage: see `SubstrateWeight::resolve_dispute`.
	fn resolve_dispute() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(90_000_000, 4000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
}
