//! Benchmarks of the data-access pallet (FRAME benchmarking v2).
//!
//! Worst cases: fields of maximal length (location, metadata, purpose, envelope); grants to a
//! group (an extra read) rather than to an account; for `retire_data_set` and `rotate_key`,
//! `0..=MaxGrantsPerDataSet` grants; for `record_access`, an access under a group grant (the
//! membership read) with limited uses (the grant is written back), a non-zero price (the
//! payment) and a declared purpose of `MaxPurposeLength` bytes other than the grant's (decoded,
//! compared with the grant's and logged inline), by the whitelisted caller (as
//! `pallet_balances::transfer_keep_alive` is benchmarked) after an earlier access, so that
//! every counter it reads exists.

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::{Inspect, Mutate};
use frame_system::RawOrigin;
use sp_runtime::traits::Saturating;

const SEED: u32 = 0;

/// A digest that is not all zeros.
const DIGEST: [u8; 32] = [7; 32];

/// An X25519 public key (any 32 bytes will do for the pallet).
const KEY: [u8; 32] = [9; 32];

fn purpose<T: Config>() -> Vec<u8> {
	vec![b'p'; T::MaxPurposeLength::get() as usize]
}

fn envelope<T: Config>() -> Vec<u8> {
	vec![b'e'; T::MaxEnvelopeLength::get() as usize]
}

/// The price of the benchmarked data sets: non-zero.
fn price<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_add(100u32.into())
}

/// Give `who` enough to pay every deposit and many accesses, and keep existing.
fn fund<T: Config>(who: &T::AccountId) {
	let deposits = T::DataSetDeposit::get()
		.saturating_add(T::RequestDeposit::get())
		.saturating_add(T::GroupDeposit::get());
	let amount = T::Currency::minimum_balance()
		.saturating_add(price::<T>())
		.saturating_add(deposits)
		.saturating_mul(100u32.into());
	T::Currency::set_balance(who, amount);
}

fn funded_account<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	fund::<T>(&who);
	who
}

/// A data set of a funded owner, with a location and metadata of maximal length.
fn data_set<T: Config>() -> Result<(T::AccountId, DataSetId), BenchmarkError> {
	let owner = funded_account::<T>("owner", 0);
	let dataset_id = Pallet::<T>::do_register_data_set(
		owner.clone(),
		DIGEST,
		vec![b'l'; T::MaxLocationLength::get() as usize],
		vec![b'm'; T::MaxMetadataLength::get() as usize],
		price::<T>(),
	)?;
	Ok((owner, dataset_id))
}

/// `n` account grants of maximal size on `dataset_id`; returns the grantees.
fn grant_accounts<T: Config>(
	owner: &T::AccountId,
	dataset_id: DataSetId,
	n: u32,
) -> Result<Vec<GranteeOf<T>>, BenchmarkError> {
	let mut grantees = Vec::new();
	for i in 0..n {
		let grantee = Grantee::Account(account("grantee", i, SEED));
		Pallet::<T>::do_grant(
			owner.clone(),
			dataset_id,
			grantee.clone(),
			purpose::<T>(),
			None,
			Some(u32::MAX),
			envelope::<T>(),
		)?;
		grantees.push(grantee);
	}
	Ok(grantees)
}

/// A group of a funded admin, without members.
fn group<T: Config>() -> Result<(T::AccountId, GroupId), BenchmarkError> {
	let admin = funded_account::<T>("admin", 0);
	let group_id = Pallet::<T>::do_create_group(admin.clone(), KEY)?;
	Ok((admin, group_id))
}

/// Add `n` members to `group_id`.
fn add_members<T: Config>(
	admin: &T::AccountId,
	group_id: GroupId,
	n: u32,
) -> Result<(), BenchmarkError> {
	for i in 0..n {
		Pallet::<T>::do_add_member(admin.clone(), group_id, account("member", i, SEED))?;
	}
	Ok(())
}

/// An open request of a funded requester on a fresh data set.
struct OpenRequest<AccountId> {
	owner: AccountId,
	requester: AccountId,
	dataset_id: DataSetId,
	request_id: RequestId,
}

fn open_request<T: Config>() -> Result<OpenRequest<T::AccountId>, BenchmarkError> {
	let (owner, dataset_id) = data_set::<T>()?;
	let requester = funded_account::<T>("requester", 0);
	let request_id =
		Pallet::<T>::do_request_access(requester.clone(), dataset_id, purpose::<T>(), KEY)?;
	Ok(OpenRequest { owner, requester, dataset_id, request_id })
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_data_set() {
		let owner = funded_account::<T>("owner", 0);
		let location = vec![b'l'; T::MaxLocationLength::get() as usize];
		let metadata = vec![b'm'; T::MaxMetadataLength::get() as usize];
		let dataset_id = NextDataSetId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), DIGEST, location, metadata, price::<T>());

		assert_eq!(DataSets::<T>::get(dataset_id).map(|info| info.owner), Some(owner));
	}

	#[benchmark]
	fn update_price() -> Result<(), BenchmarkError> {
		let (owner, dataset_id) = data_set::<T>()?;
		let new_price = price::<T>().saturating_add(1u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), dataset_id, new_price);

		assert_eq!(DataSets::<T>::get(dataset_id).map(|info| info.price), Some(new_price));
		Ok(())
	}

	#[benchmark]
	fn retire_data_set(
		g: Linear<0, { T::MaxGrantsPerDataSet::get() }>,
	) -> Result<(), BenchmarkError> {
		let (owner, dataset_id) = data_set::<T>()?;
		grant_accounts::<T>(&owner, dataset_id, g)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), dataset_id);

		assert_eq!(
			DataSets::<T>::get(dataset_id).map(|info| info.status),
			Some(DataSetStatus::Retired)
		);
		assert_eq!(Grants::<T>::iter_prefix(dataset_id).count(), 0);
		Ok(())
	}

	#[benchmark]
	fn grant() -> Result<(), BenchmarkError> {
		let (owner, dataset_id) = data_set::<T>()?;
		let (_admin, group_id) = group::<T>()?;
		let grantee = Grantee::Group(group_id);
		let expiry = frame_system::Pallet::<T>::block_number().saturating_add(1_000u32.into());

		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner),
			dataset_id,
			grantee.clone(),
			purpose::<T>(),
			Some(expiry),
			Some(u32::MAX),
			envelope::<T>(),
		);

		assert!(Grants::<T>::contains_key(dataset_id, &grantee));
		Ok(())
	}

	#[benchmark]
	fn revoke() -> Result<(), BenchmarkError> {
		let (owner, dataset_id) = data_set::<T>()?;
		let grantee = grant_accounts::<T>(&owner, dataset_id, 1)?
			.pop()
			.ok_or(BenchmarkError::Stop("no grant made"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), dataset_id, grantee.clone());

		assert!(!Grants::<T>::contains_key(dataset_id, &grantee));
		Ok(())
	}

	#[benchmark]
	fn rotate_key(n: Linear<0, { T::MaxGrantsPerDataSet::get() }>) -> Result<(), BenchmarkError> {
		let (owner, dataset_id) = data_set::<T>()?;
		let grantees = grant_accounts::<T>(&owner, dataset_id, n)?;
		let new_envelope = vec![b'n'; T::MaxEnvelopeLength::get() as usize];
		let envelopes: Vec<_> =
			grantees.into_iter().map(|grantee| (grantee, new_envelope.clone())).collect();
		let new_digest = [8; 32];

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), dataset_id, new_digest, envelopes);

		assert_eq!(DataSets::<T>::get(dataset_id).map(|info| info.digest), Some(new_digest));
		Ok(())
	}

	#[benchmark]
	fn request_access() -> Result<(), BenchmarkError> {
		let (_owner, dataset_id) = data_set::<T>()?;
		let requester = funded_account::<T>("requester", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(requester.clone()), dataset_id, purpose::<T>(), KEY);

		assert!(OpenRequests::<T>::contains_key(dataset_id, &requester));
		Ok(())
	}

	#[benchmark]
	fn approve_request() -> Result<(), BenchmarkError> {
		let OpenRequest { owner, requester, dataset_id, request_id } = open_request::<T>()?;
		let expiry = frame_system::Pallet::<T>::block_number().saturating_add(1_000u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), request_id, Some(expiry), Some(u32::MAX), envelope::<T>());

		assert!(!Requests::<T>::contains_key(request_id));
		assert!(Grants::<T>::contains_key(dataset_id, Grantee::Account(requester)));
		Ok(())
	}

	#[benchmark]
	fn reject_request() -> Result<(), BenchmarkError> {
		let OpenRequest { owner, request_id, .. } = open_request::<T>()?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), request_id);

		assert!(!Requests::<T>::contains_key(request_id));
		Ok(())
	}

	#[benchmark]
	fn cancel_request() -> Result<(), BenchmarkError> {
		let OpenRequest { requester, request_id, .. } = open_request::<T>()?;

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), request_id);

		assert!(!Requests::<T>::contains_key(request_id));
		Ok(())
	}

	#[benchmark]
	fn record_access() -> Result<(), BenchmarkError> {
		let (owner, dataset_id) = data_set::<T>()?;
		let (admin, group_id) = group::<T>()?;
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		Pallet::<T>::do_add_member(admin, group_id, caller.clone())?;
		Pallet::<T>::do_grant(
			owner.clone(),
			dataset_id,
			Grantee::Group(group_id),
			purpose::<T>(),
			None,
			Some(u32::MAX),
			envelope::<T>(),
		)?;
		// An earlier access under the grant's purpose: the caller's index exists and the grant
		// notes the entry holding its purpose.
		Pallet::<T>::do_record_access(
			caller.clone(),
			dataset_id,
			Some(group_id),
			price::<T>(),
			None,
		)?;
		let owner_before = T::Currency::balance(&owner);
		let max_price = price::<T>();
		// Of maximal length and not the grant's (`b'p'`): logged inline.
		let declared = vec![b'q'; T::MaxPurposeLength::get() as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), dataset_id, Some(group_id), max_price, Some(declared));

		assert_eq!(T::Currency::balance(&owner), owner_before.saturating_add(price::<T>()));
		assert_eq!(AccessLog::<T>::get(dataset_id, 1).map(|entry| entry.accessor), Some(caller));
		assert_eq!(DataSets::<T>::get(dataset_id).map(|info| info.accesses), Some(2));
		Ok(())
	}

	#[benchmark]
	fn create_group() {
		let admin = funded_account::<T>("admin", 0);
		let group_id = NextGroupId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(admin.clone()), KEY);

		assert_eq!(Groups::<T>::get(group_id).map(|group| group.admin), Some(admin));
	}

	#[benchmark]
	fn add_member() -> Result<(), BenchmarkError> {
		let (admin, group_id) = group::<T>()?;
		add_members::<T>(&admin, group_id, T::MaxGroupMembers::get().saturating_sub(1))?;
		let member: T::AccountId = account("new member", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), group_id, member.clone());

		assert!(GroupMembers::<T>::contains_key(group_id, &member));
		Ok(())
	}

	#[benchmark]
	fn remove_member() -> Result<(), BenchmarkError> {
		let (admin, group_id) = group::<T>()?;
		add_members::<T>(&admin, group_id, T::MaxGroupMembers::get())?;
		let member: T::AccountId = account("member", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), group_id, member.clone());

		assert!(!GroupMembers::<T>::contains_key(group_id, &member));
		Ok(())
	}

	#[benchmark]
	fn set_group_key() -> Result<(), BenchmarkError> {
		let (admin, group_id) = group::<T>()?;
		let new_key = [10; 32];

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), group_id, new_key);

		assert_eq!(Groups::<T>::get(group_id).map(|group| group.encryption_key), Some(new_key));
		Ok(())
	}

	#[benchmark]
	fn disband_group() -> Result<(), BenchmarkError> {
		let (admin, group_id) = group::<T>()?;

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), group_id);

		assert!(!Groups::<T>::contains_key(group_id));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
