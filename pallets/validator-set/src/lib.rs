//! # Validator set pallet
//!
//! The set of validators of a Sharechain network, changed by governance (the `validators`
//! track) and handed to `pallet-session`, from which Aura and GRANDPA take their authorities.
//!
//! ## Overview
//!
//! - [`Validators`] holds the accounts that validate, between [`Config::MinAuthorities`] and
//!   [`Config::MaxAuthorities`] of them. The genesis configuration sets the first ones.
//! - [`Call::add_validator`] and [`Call::remove_validator`] ([`Config::AddRemoveOrigin`]) change
//!   it. A removal that would leave fewer than `MinAuthorities` validators *with session
//!   keys* is refused ([`Error::TooFewValidators`]): the chain never runs out of authorities.
//!   A removed validator's session keys are purged at once. (The runtime forbids
//!   `Session::purge_keys` to everyone, so a validator cannot drop its own keys either.)
//! - A validator registers its session keys itself with `Session::set_keys` (only members may:
//!   [`ValidatorOf`] is the session pallet's `ValidatorIdOf`).
//! - As the session pallet's `SessionManager`, when a session is planned the pallet hands over
//!   the members that have session keys, if they differ from the session's current validators
//!   (otherwise nothing, so Aura and GRANDPA see no authority change), and never fewer than
//!   `MinAuthorities`. A set planned in session `n` becomes active in session `n + 1`: a
//!   change made during session `s` is in force from session `s + 2` on, so a removed
//!   validator keeps its node running until then.
//!
//! ## Calls
//!
//! | index | call | origin |
//! | --- | --- | --- |
//! | 0 | [`add_validator`](Call::add_validator) | [`Config::AddRemoveOrigin`] |
//! | 1 | [`remove_validator`](Call::remove_validator) | [`Config::AddRemoveOrigin`] |

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_session::WeightInfo as _;
use sp_runtime::traits::{Convert, Zero};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the validator set pallet.
	#[pallet::config]
	pub trait Config:
		frame_system::Config
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
	{
		/// Origin that adds and removes validators (governance).
		type AddRemoveOrigin: EnsureOrigin<<Self as frame_system::Config>::RuntimeOrigin>;

		/// Fewest validators the set may have (at least 1).
		#[pallet::constant]
		type MinAuthorities: Get<u32>;

		/// Most validators the set may have (at most the Aura and GRANDPA maximum).
		#[pallet::constant]
		type MaxAuthorities: Get<u32>;
	}

	/// The validators, in the order they were added.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxAuthorities>, ValueQuery>;

	/// The length of a session in blocks, set at genesis and never changed (the session pallet's
	/// `PeriodicSessions` counts on it): see [`SessionPeriodOf`].
	#[pallet::storage]
	pub type SessionPeriod<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Genesis configuration: the first validators.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validators at genesis: `MinAuthorities..=MaxAuthorities` distinct accounts (none
		/// only in the default configuration, without a session period). Their session keys
		/// are the session pallet's genesis `keys`.
		pub initial_validators: Vec<T::AccountId>,
		/// The length of a session, in blocks (at least 1 when validators are given).
		pub session_period: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let validators = &self.initial_validators;
			// The default configuration (no validators, no session period) builds an empty
			// set, as every pallet's default genesis must; a configured network (a session
			// period) must name its validators.
			if validators.is_empty() && self.session_period.is_zero() {
				return;
			}
			for (index, validator) in validators.iter().enumerate() {
				assert!(
					!validators.iter().skip(index.saturating_add(1)).any(|v| v == validator),
					"genesis: a validator is given twice"
				);
			}
			assert!(
				validators.len() >= T::MinAuthorities::get() as usize,
				"genesis: fewer validators than MinAuthorities"
			);
			let bounded = BoundedVec::<_, T::MaxAuthorities>::try_from(validators.clone())
				.expect("genesis: more validators than MaxAuthorities");
			Validators::<T>::put(bounded);
			assert!(!self.session_period.is_zero(), "genesis: a session period of 0 blocks");
			SessionPeriod::<T>::put(self.session_period);
		}
	}

	/// Events of the validator set pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator was added; it validates from the second session change after it has
		/// set its session keys.
		ValidatorAdded {
			/// The new validator.
			who: T::AccountId,
		},
		/// A validator was removed and its session keys purged; it stops validating at the
		/// second session change.
		ValidatorRemoved {
			/// The former validator.
			who: T::AccountId,
		},
	}

	/// Errors of the validator set pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The set already has `MaxAuthorities` validators.
		TooManyValidators,
		/// The set would have fewer than `MinAuthorities` validators with session keys.
		TooFewValidators,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinAuthorities::get() >= 1, "`MinAuthorities` must be at least 1");
			assert!(
				T::MinAuthorities::get() <= T::MaxAuthorities::get(),
				"`MinAuthorities` must not exceed `MaxAuthorities`"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add `who` to the validators. It must then set its session keys
		/// (`Session::set_keys`); it validates from the second session change after that.
		///
		/// - Origin: [`Config::AddRemoveOrigin`].
		///
		/// Weight: reads and writes `Validators`, charged from the database weights: a
		/// governance call, not benchmarked yet.
		///
		/// Emits [`Event::ValidatorAdded`].
		///
		/// Errors: [`Error::AlreadyValidator`], [`Error::TooManyValidators`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::DbWeight::get().reads_writes(1, 1))]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			ensure!(!validators.contains(&who), Error::<T>::AlreadyValidator);
			validators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
			Validators::<T>::put(validators);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Remove `who` from the validators and purge its session keys. It stops validating at
		/// the second session change.
		///
		/// - Origin: [`Config::AddRemoveOrigin`].
		///
		/// Weight: reads and writes `Validators`, reads the session keys of every member
		/// (`Session::NextKeys`, at most `MaxAuthorities`), plus the session pallet's
		/// `purge_keys`: charged from the database weights and
		/// `pallet_session::WeightInfo::purge_keys`.
		///
		/// Emits [`Event::ValidatorRemoved`].
		///
		/// Errors: [`Error::NotValidator`], [`Error::TooFewValidators`].
		#[pallet::call_index(1)]
		#[pallet::weight(
			T::DbWeight::get().reads_writes(u64::from(T::MaxAuthorities::get()).saturating_add(1), 1)
				.saturating_add(<T as pallet_session::Config>::WeightInfo::purge_keys())
		)]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			let index =
				validators.iter().position(|v| *v == who).ok_or(Error::<T>::NotValidator)?;
			validators.remove(index);
			// Enough of the others must be able to author and vote: members with keys.
			ensure!(
				Self::with_keys(validators.iter().cloned()).len()
					>= T::MinAuthorities::get() as usize,
				Error::<T>::TooFewValidators
			);
			Validators::<T>::put(validators);
			// A validator that never set keys has none to purge (`NoKeys`): nothing to undo.
			let _ = pallet_session::Pallet::<T>::purge_keys(
				frame_system::RawOrigin::Signed(who.clone()).into(),
			);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The accounts of `members` that have session keys, in order.
	pub fn with_keys(members: impl Iterator<Item = T::AccountId>) -> Vec<T::AccountId> {
		members.filter(|v| pallet_session::Pallet::<T>::load_keys(v).is_some()).collect()
	}

	/// Check the pallet's invariants: distinct validators, `MinAuthorities..=MaxAuthorities`
	/// of them.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let validators = Validators::<T>::get();
		for (index, validator) in validators.iter().enumerate() {
			frame_support::ensure!(
				!validators.iter().skip(index.saturating_add(1)).any(|v| v == validator),
				"a validator is listed twice"
			);
		}
		frame_support::ensure!(
			validators.len() >= T::MinAuthorities::get() as usize,
			"fewer validators than MinAuthorities"
		);
		Ok(())
	}
}

/// Session length used when none is stored (a chain built from the default configuration):
/// 600 blocks.
pub const FALLBACK_SESSION_PERIOD: u32 = 600;

/// The session length for the session pallet's `PeriodicSessions`: [`SessionPeriod`], or
/// [`FALLBACK_SESSION_PERIOD`] if none is stored (never 0, which would divide by zero).
pub struct SessionPeriodOf<T>(PhantomData<T>);

impl<T: Config> Get<BlockNumberFor<T>> for SessionPeriodOf<T> {
	fn get() -> BlockNumberFor<T> {
		let period = SessionPeriod::<T>::get();
		if period.is_zero() {
			FALLBACK_SESSION_PERIOD.into()
		} else {
			period
		}
	}
}

/// The session pallet's `ValidatorIdOf`: an account is a validator id exactly while it is in
/// the set, so only validators can register session keys.
pub struct ValidatorOf<T>(PhantomData<T>);

impl<T: Config> Convert<T::AccountId, Option<T::AccountId>> for ValidatorOf<T> {
	fn convert(who: T::AccountId) -> Option<T::AccountId> {
		Validators::<T>::get().contains(&who).then_some(who)
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	/// The members with session keys, if they differ from the session's current validators
	/// (those queued when the previous session was planned). `None` otherwise, and also if
	/// fewer than `MinAuthorities` members have keys (defensive: removals keep enough), so that
	/// no change reaches Aura and GRANDPA without a reason and the set never runs dry.
	fn new_session(_new_index: u32) -> Option<Vec<T::AccountId>> {
		let keyed = Self::with_keys(Validators::<T>::get().into_iter());
		if keyed.len() < T::MinAuthorities::get() as usize
			|| keyed == pallet_session::Validators::<T>::get()
		{
			return None;
		}
		Some(keyed)
	}

	/// The genesis validators; every one must have genesis session keys.
	fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get().into_inner();
		let keyed = Self::with_keys(validators.iter().cloned());
		assert!(keyed.len() == validators.len(), "genesis: a validator has no session keys");
		Some(validators)
	}

	fn end_session(_end_index: u32) {}

	fn start_session(_start_index: u32) {}
}
