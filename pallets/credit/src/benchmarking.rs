//! Benchmarks of the credit pallet (FRAME benchmarking v2).
//!
//! Worst cases: reporter names of `MaxNameLength` bytes (the name is part of the `Reporters`
//! value that `file_record` reads and writes); a subject whose score state holds all
//! `DECAY_EPOCHS` buckets, with one to prune when the new record is filed; a score that each
//! benchmarked call changes, so that it also emits `ScoreChanged`; a filed record of
//! `MaxRecordWeight`; upheld disputes (release and slash) rather than overturned ones.
//!
//! Storage layout benchmarked: `file_record` reads `Reporters`, `DealRecords`, `NextRecordId`
//! and `ScoreStates` and writes them and `Records`, `SubjectRecords`, `ReporterRecords`;
//! `dispute` and `resolve_dispute` read and write `Records`, `ScoreStates` and the deposit hold
//! (`Balances::Holds`, `System::Account`).
//!
//! The subject who signs `dispute` is `whitelisted_caller()`, as the signer of
//! `pallet_balances::transfer_keep_alive` is in the reference benchmark: in a block, the
//! transaction's nonce and fee checks have read and written its `System::Account` before the
//! call runs. The subject of `resolve_dispute` (signed by the arbiter origin) is not
//! whitelisted, so its account is read there.

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin,
};
use frame_system::RawOrigin;
use sp_runtime::traits::One;

const SEED: u32 = 0;

fn set_block<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block);
}

/// The first block of decay epoch `epoch`, plus one (block 0 is special).
fn block_in_epoch<T: Config>(epoch: u32) -> BlockNumberFor<T> {
	T::DecayPeriod::get().saturating_mul(epoch.into()).saturating_add(One::one())
}

/// A registered reporter with a name of maximal length.
fn registered_reporter<T: Config>() -> Result<T::AccountId, BenchmarkError> {
	let reporter: T::AccountId = account("reporter", 0, SEED);
	let name = vec![b'r'; T::MaxNameLength::get() as usize];
	Pallet::<T>::do_add_reporter(reporter.clone(), name)?;
	Ok(reporter)
}

/// A subject that can afford several dispute deposits.
fn funded_subject<T: Config>() -> T::AccountId {
	fund::<T>(account("subject", 0, SEED))
}

/// Give `subject` the funds for several dispute deposits, and return it.
fn fund<T: Config>(subject: T::AccountId) -> T::AccountId {
	let funds = T::Currency::minimum_balance()
		.saturating_add(T::DisputeDeposit::get().saturating_mul(4u32.into()));
	T::Currency::set_balance(&subject, funds);
	subject
}

/// File one record about `subject` in each of the epochs `0..DECAY_EPOCHS`, so its score
/// state holds every bucket, and leave the chain at the start of epoch `DECAY_EPOCHS` (where
/// the next write prunes the bucket of epoch 0). Returns the record ids, oldest first.
///
/// The records are `OnTimePayment`s of weight 1 (+5 points each): the subject's score stays
/// near the neutral 500, far from the clamps at 0 and 1000, so filing another record, and
/// disputing or upholding the most recent one, changes it (and emits `ScoreChanged`) whatever
/// `MaxRecordWeight` is.
fn fill_buckets<T: Config>(
	reporter: &T::AccountId,
	subject: &T::AccountId,
) -> Result<Vec<RecordId>, BenchmarkError> {
	let mut ids = Vec::new();
	for epoch in 0..DECAY_EPOCHS {
		set_block::<T>(block_in_epoch::<T>(epoch));
		let deal = [epoch as u8; 32];
		let id = Pallet::<T>::do_file_record(
			reporter.clone(),
			subject.clone(),
			RecordKind::OnTimePayment,
			1,
			deal,
		)?;
		ids.push(id);
	}
	if ScoreStates::<T>::get(subject).buckets.len() != DECAY_EPOCHS as usize {
		return Err(BenchmarkError::Stop("setup did not fill every bucket"));
	}
	set_block::<T>(block_in_epoch::<T>(DECAY_EPOCHS));
	Ok(ids)
}

/// A subject with full buckets and an open dispute of its most recent record.
fn open_dispute<T: Config>() -> Result<(T::AccountId, RecordId), BenchmarkError> {
	let reporter = registered_reporter::<T>()?;
	let subject = funded_subject::<T>();
	let ids = fill_buckets::<T>(&reporter, &subject)?;
	let record_id = *ids.last().ok_or(BenchmarkError::Stop("no record filed"))?;
	Pallet::<T>::do_dispute(subject.clone(), record_id)?;
	Ok((subject, record_id))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_reporter() -> Result<(), BenchmarkError> {
		let origin =
			T::ReporterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("reporter", 0, SEED);
		let name = vec![b'r'; T::MaxNameLength::get() as usize];

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), name);

		assert!(Reporters::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_reporter() -> Result<(), BenchmarkError> {
		let origin =
			T::ReporterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let reporter = registered_reporter::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reporter.clone());

		assert!(!Reporters::<T>::contains_key(&reporter));
		Ok(())
	}

	#[benchmark]
	fn file_record() -> Result<(), BenchmarkError> {
		let reporter = registered_reporter::<T>()?;
		let subject: T::AccountId = account("subject", 0, SEED);
		fill_buckets::<T>(&reporter, &subject)?;
		let score_before = Pallet::<T>::score_of(&subject);
		let kind = RecordKind::CompletedDeal;
		let weight = T::MaxRecordWeight::get();
		let deal = [u8::MAX; 32];

		#[extrinsic_call]
		_(RawOrigin::Signed(reporter.clone()), subject.clone(), kind, weight, deal);

		assert!(DealRecords::<T>::contains_key((&reporter, &subject, &deal)));
		let state = ScoreStates::<T>::get(&subject);
		assert_eq!(state.buckets.len(), DECAY_EPOCHS as usize);
		assert_eq!(state.records, DECAY_EPOCHS + 1);
		// The score changed: `ScoreChanged` was emitted too.
		assert_ne!(Pallet::<T>::score_of(&subject), score_before);
		Ok(())
	}

	#[benchmark]
	fn dispute() -> Result<(), BenchmarkError> {
		let reporter = registered_reporter::<T>()?;
		// The signer: whitelisted (see the module docs).
		let subject = fund::<T>(whitelisted_caller());
		let ids = fill_buckets::<T>(&reporter, &subject)?;
		let record_id = *ids.last().ok_or(BenchmarkError::Stop("no record filed"))?;
		let score_before = Pallet::<T>::score_of(&subject);

		#[extrinsic_call]
		_(RawOrigin::Signed(subject.clone()), record_id);

		assert_eq!(
			Records::<T>::get(record_id).map(|record| record.status()),
			Some(RecordStatus::Disputed)
		);
		assert_ne!(Pallet::<T>::score_of(&subject), score_before);
		Ok(())
	}

	#[benchmark]
	fn resolve_dispute() -> Result<(), BenchmarkError> {
		let origin =
			T::ArbiterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (subject, record_id) = open_dispute::<T>()?;
		let score_before = Pallet::<T>::score_of(&subject);

		// Upholding is the heavier outcome: it re-adds points, releases and slashes.
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, record_id, false);

		assert_eq!(
			Records::<T>::get(record_id).map(|record| record.status()),
			Some(RecordStatus::Active)
		);
		assert_ne!(Pallet::<T>::score_of(&subject), score_before);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
