//! Weights for `pallet_data_access`.
//!
//! PLACEHOLDER WEIGHTS: this file was NOT produced by the benchmark CLI. The numbers below are
//! rough estimates in the layout of `scripts/benchmark/pallet-weights.hbs`, so that the pallet
//! builds and its calls are charged something sensible until they are measured. Regenerate it
//! before any release with:
//!
//! ```text
//! scripts/benchmark/pallets pallet_data_access
//! ```
//!
//! which also measures `pallet_balances::transfer_keep_alive` in the same run, the reference
//! for `record_access` (see the crate docs).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions of `pallet_data_access`.
pub trait WeightInfo {
	fn register_data_set() -> Weight;
	fn update_price() -> Weight;
	fn retire_data_set(g: u32, ) -> Weight;
	fn grant() -> Weight;
	fn revoke() -> Weight;
	fn rotate_key(n: u32, ) -> Weight;
	fn request_access() -> Weight;
	fn approve_request() -> Weight;
	fn reject_request() -> Weight;
	fn cancel_request() -> Weight;
	fn record_access() -> Weight;
	fn create_group() -> Weight;
	fn add_member() -> Weight;
	fn remove_member() -> Weight;
	fn set_group_key() -> Weight;
	fn disband_group() -> Weight;
}

/// Weights of `pallet_data_access`, with the runtime's database weights.
/// PLACEHOLDER values, see the module docs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `DataAccess::NextDataSetId` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	/// Storage: `DataAccess::DataSets` (r:0 w:1)
	/// Storage: `DataAccess::DataSetDetails` (r:0 w:1)
	fn register_data_set() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(45_000_000, 3_593)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `DataAccess::DataSets` (r:1 w:1)
	fn update_price() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(15_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DataAccess::DataSets` (r:1 w:1)
	/// Storage: `DataAccess::Grants` (r:g w:g)
	/// Storage: `DataAccess::Envelopes` (r:0 w:g)
	/// Storage: `DataAccess::DataSetDetails` (r:0 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	/// The range of component `g` is `[0, MaxGrantsPerDataSet]`.
	fn retire_data_set(g: u32, ) -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(50_000_000, 3_600)
			.saturating_add(Weight::from_parts(8_000_000, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(g.into()))
	}
	/// Storage: `DataAccess::DataSets` (r:1 w:1)
	/// Storage: `DataAccess::Groups` (r:1 w:0)
	/// Storage: `DataAccess::Grants` (r:1 w:1)
	/// Storage: `DataAccess::Envelopes` (r:0 w:1)
	fn grant() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(30_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `DataAccess::DataSets` (r:1 w:1)
	/// Storage: `DataAccess::Grants` (r:1 w:1)
	/// Storage: `DataAccess::Envelopes` (r:0 w:1)
	fn revoke() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(25_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `DataAccess::DataSets` (r:1 w:1)
	/// Storage: `DataAccess::Grants` (r:n w:0)
	/// Storage: `DataAccess::Envelopes` (r:0 w:n)
	/// The range of component `n` is `[0, MaxGrantsPerDataSet]`.
	fn rotate_key(n: u32, ) -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(20_000_000, 3_600)
			.saturating_add(Weight::from_parts(7_000_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(n.into()))
	}
	/// Storage: `DataAccess::DataSets` (r:1 w:0)
	/// Storage: `DataAccess::Grants` (r:1 w:0)
	/// Storage: `DataAccess::OpenRequests` (r:1 w:1)
	/// Storage: `DataAccess::NextRequestId` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	/// Storage: `DataAccess::Requests` (r:0 w:1)
	fn request_access() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(50_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `DataAccess::Requests` (r:1 w:1)
	/// Storage: `DataAccess::DataSets` (r:1 w:1)
	/// Storage: `DataAccess::Grants` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	/// Storage: `DataAccess::OpenRequests` (r:0 w:1)
	/// Storage: `DataAccess::Envelopes` (r:0 w:1)
	fn approve_request() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(55_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `DataAccess::Requests` (r:1 w:1)
	/// Storage: `DataAccess::DataSets` (r:1 w:0)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	/// Storage: `DataAccess::OpenRequests` (r:0 w:1)
	fn reject_request() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(45_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `DataAccess::Requests` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	/// Storage: `DataAccess::OpenRequests` (r:0 w:1)
	fn cancel_request() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(40_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `DataAccess::DataSets` (r:1 w:1)
	/// Storage: `DataAccess::Grants` (r:1 w:1)
	/// Storage: `DataAccess::GroupMembers` (r:1 w:0)
	/// Storage: `DataAccess::AccessesByCount` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1) (the owner; the accessor's account is whitelisted)
	/// Storage: `DataAccess::AccessLog` (r:0 w:1)
	/// Storage: `DataAccess::AccessesBy` (r:0 w:1)
	fn record_access() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(45_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `DataAccess::NextGroupId` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	/// Storage: `DataAccess::Groups` (r:0 w:1)
	fn create_group() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(40_000_000, 3_593)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `DataAccess::Groups` (r:1 w:1)
	/// Storage: `DataAccess::GroupMembers` (r:1 w:1)
	fn add_member() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(20_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `DataAccess::Groups` (r:1 w:1)
	/// Storage: `DataAccess::GroupMembers` (r:1 w:1)
	fn remove_member() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(20_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `DataAccess::Groups` (r:1 w:1)
	fn set_group_key() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(15_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DataAccess::Groups` (r:1 w:1)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Storage: `System::Account` (r:1 w:1)
	fn disband_group() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(40_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// The same weights with ParityDB's database weights, for tests and mocks.
/// PLACEHOLDER values, see the module docs.
impl WeightInfo for () {
	fn register_data_set() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(45_000_000, 3_593)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn update_price() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(15_000_000, 3_600)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn retire_data_set(g: u32, ) -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(50_000_000, 3_600)
			.saturating_add(Weight::from_parts(8_000_000, 0).saturating_mul(g.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(g.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(g.into())))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(g.into()))
	}
	fn grant() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(30_000_000, 3_700)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn revoke() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(25_000_000, 3_700)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn rotate_key(n: u32, ) -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(20_000_000, 3_600)
			.saturating_add(Weight::from_parts(7_000_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2_600).saturating_mul(n.into()))
	}
	fn request_access() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(50_000_000, 3_700)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn approve_request() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(55_000_000, 3_700)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn reject_request() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(45_000_000, 3_700)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn cancel_request() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(40_000_000, 3_700)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn record_access() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(45_000_000, 3_700)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn create_group() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(40_000_000, 3_593)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn add_member() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(20_000_000, 3_600)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_member() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(20_000_000, 3_600)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_group_key() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(15_000_000, 3_600)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn disband_group() -> Weight {
		// PLACEHOLDER: not measured.
		Weight::from_parts(40_000_000, 3_600)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
}
