//! # Governance: tracks and their origins
//!
//! Every call that needs authority is decided by a poll of the voting pallet on a **track**.
//! A track fixes, in code, the origin a passed call is dispatched with and the calls it may
//! carry ([`SharechainTracks`]), and, in storage, the bar a poll on it must meet
//! ([`pallet_voting::TrackInfo`]: electorate, minimum turnout and approval, decision deposit,
//! minimum voting period, enactment delay), set at genesis ([`testnet_tracks`],
//! [`production_tracks`]) and changed only by the `Root` track (`Voting::set_track`).
//!
//! | id | track | origin | may carry |
//! | --- | --- | --- | --- |
//! | 0 | `root` | `Root` | any call: runtime upgrades (`System::set_code`), track bars, the voter roll |
//! | 1 | `credit_admin` | [`Origin::CreditAdmin`] | `Credit::add_reporter`, `remove_reporter`, `resolve_dispute` |
//! | 2 | `validators` | [`Origin::Validators`] | `ValidatorSet::add_validator`, `remove_validator` (node authorization: not yet) |
//! | 3 | `parameters` | [`Origin::Parameters`] | deposits, fees and limits that are runtime parameters (none yet) |
//!
//! On every track but `root`, `Utility::batch`, `batch_all` and `force_batch` are allowed when
//! they are not empty and every call in them is. Each pallet's admin origin accepts its track's origin or `Root`; a
//! track's origin can do nothing outside its track (every other admin origin answers
//! `BadOrigin`).

use crate::{AccountId, Balance, BlockNumber, RuntimeCall, RuntimeOrigin, DAYS, HOURS, UNIT};
use alloc::{vec, vec::Vec};
use frame_support::traits::{EitherOf, EnsureOrigin};
use pallet_voting::{Electorate, TrackId, TrackInfo, TrackOrigins};
use sp_runtime::Perbill;

pub use pallet_custom_origins::Origin;

/// The origins of the tracks below `Root`: a passed poll on a track is dispatched with its
/// origin, so only that track's calls accept it.
#[frame_support::pallet]
pub mod pallet_custom_origins {
	use frame_support::pallet_prelude::*;

	/// No configuration: the pallet only declares origins.
	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The origin of a passed poll on a track below `Root`.
	#[derive(
		PartialEq, Eq, Clone, MaxEncodedLen, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// The `credit_admin` track: credit reporters and dispute arbitration.
		#[codec(index = 0)]
		CreditAdmin,
		/// The `validators` track: the validator set and node authorization.
		#[codec(index = 1)]
		Validators,
		/// The `parameters` track: deposits, fees and limits that are runtime parameters.
		#[codec(index = 2)]
		Parameters,
	}
}

/// Declares an `EnsureOrigin` that accepts exactly one [`Origin`] variant.
macro_rules! ensure_track_origin {
	($(#[$doc:meta])* $name:ident => $variant:ident) => {
		$(#[$doc])*
		pub struct $name;

		impl<O: Into<Result<Origin, O>> + From<Origin>> EnsureOrigin<O> for $name {
			type Success = ();

			fn try_origin(o: O) -> Result<Self::Success, O> {
				o.into().and_then(|origin| match origin {
					Origin::$variant => Ok(()),
					other => Err(O::from(other)),
				})
			}

			#[cfg(feature = "runtime-benchmarks")]
			fn try_successful_origin() -> Result<O, ()> {
				Ok(O::from(Origin::$variant))
			}
		}
	};
}

ensure_track_origin!(
	/// Accepts the `credit_admin` track's origin.
	EnsureCreditAdmin => CreditAdmin
);
ensure_track_origin!(
	/// Accepts the `validators` track's origin.
	EnsureValidators => Validators
);
ensure_track_origin!(
	/// Accepts the `parameters` track's origin.
	EnsureParameters => Parameters
);

/// The credit pallet's reporter and arbiter origin: `Root` or the `credit_admin` track.
pub type CreditAdminOrigin = EitherOf<frame_system::EnsureRoot<AccountId>, EnsureCreditAdmin>;

/// The validator set's origin: `Root` or the `validators` track.
pub type ValidatorsOrigin = EitherOf<frame_system::EnsureRoot<AccountId>, EnsureValidators>;

/// The `root` track: anything, including runtime upgrades.
pub const ROOT_TRACK: TrackId = 0;
/// The `credit_admin` track: credit reporters and dispute arbitration.
pub const CREDIT_ADMIN_TRACK: TrackId = 1;
/// The `validators` track: the validator set and node authorization.
pub const VALIDATORS_TRACK: TrackId = 2;
/// The `parameters` track: runtime parameters.
pub const PARAMETERS_TRACK: TrackId = 3;

/// Sharechain's tracks (see the module docs).
pub struct SharechainTracks;

impl TrackOrigins<RuntimeCall, RuntimeOrigin> for SharechainTracks {
	fn tracks() -> Vec<(TrackId, &'static str)> {
		vec![
			(ROOT_TRACK, "root"),
			(CREDIT_ADMIN_TRACK, "credit_admin"),
			(VALIDATORS_TRACK, "validators"),
			(PARAMETERS_TRACK, "parameters"),
		]
	}

	fn origin(track: TrackId) -> Option<RuntimeOrigin> {
		match track {
			ROOT_TRACK => Some(RuntimeOrigin::root()),
			CREDIT_ADMIN_TRACK => Some(Origin::CreditAdmin.into()),
			VALIDATORS_TRACK => Some(Origin::Validators.into()),
			PARAMETERS_TRACK => Some(Origin::Parameters.into()),
			_ => None,
		}
	}

	fn allows(track: TrackId, call: &RuntimeCall) -> bool {
		track == ROOT_TRACK || allowed_below_root(track, call)
	}
}

/// Whether `call` belongs to `track`, a track below `root`.
fn allowed_below_root(track: TrackId, call: &RuntimeCall) -> bool {
	use pallet_credit::Call as Credit;
	use pallet_utility::Call as Utility;
	use pallet_validator_set::Call as ValidatorSet;
	match call {
		RuntimeCall::Utility(
			Utility::batch { calls }
			| Utility::batch_all { calls }
			| Utility::force_batch { calls },
		) => !calls.is_empty() && calls.iter().all(|call| allowed_below_root(track, call)),
		RuntimeCall::Credit(
			Credit::add_reporter { .. }
			| Credit::remove_reporter { .. }
			| Credit::resolve_dispute { .. },
		) => track == CREDIT_ADMIN_TRACK,
		RuntimeCall::ValidatorSet(
			ValidatorSet::add_validator { .. } | ValidatorSet::remove_validator { .. },
		) => track == VALIDATORS_TRACK,
		_ => false,
	}
}

/// Bars of a track.
fn bars(
	turnout: u32,
	approval: u32,
	deposit: Balance,
	min_voting_period: BlockNumber,
	enactment_delay: BlockNumber,
) -> TrackInfo<Balance, BlockNumber> {
	TrackInfo {
		electorate: Electorate::TokenWeighted,
		min_turnout: Perbill::from_percent(turnout),
		min_approval: Perbill::from_percent(approval),
		decision_deposit: deposit,
		min_voting_period,
		enactment_delay,
	}
}

/// The bars of the dev chain and the local testnet: real turnouts and approvals, but voting
/// periods of 10 blocks (30 s) and enactment delays of a few blocks, so that a referendum
/// runs in a minute.
///
/// | track | turnout | approval | deposit | voting period | enactment delay |
/// | --- | --- | --- | --- | --- | --- |
/// | `root` | 20% | 66% | 1,000 SHR | 10 blocks | 5 blocks |
/// | `credit_admin` | 5% | 60% | 200 SHR | 10 blocks | 2 blocks |
/// | `validators` | 20% | 66% | 500 SHR | 10 blocks | 2 blocks |
/// | `parameters` | 5% | 60% | 200 SHR | 10 blocks | 2 blocks |
pub fn testnet_tracks() -> Vec<(TrackId, TrackInfo<Balance, BlockNumber>)> {
	vec![
		(ROOT_TRACK, bars(20, 66, 1_000 * UNIT, 10, 5)),
		(CREDIT_ADMIN_TRACK, bars(5, 60, 200 * UNIT, 10, 2)),
		(VALIDATORS_TRACK, bars(20, 66, 500 * UNIT, 10, 2)),
		(PARAMETERS_TRACK, bars(5, 60, 200 * UNIT, 10, 2)),
	]
}

/// The bars of a production network.
///
/// | track | turnout | approval | deposit | voting period | enactment delay |
/// | --- | --- | --- | --- | --- | --- |
/// | `root` | 20% | 66% | 10,000 SHR | 7 days | 1 day |
/// | `credit_admin` | 5% | 60% | 1,000 SHR | 3 days | 6 hours |
/// | `validators` | 20% | 66% | 5,000 SHR | 7 days | 1 day |
/// | `parameters` | 5% | 60% | 1,000 SHR | 3 days | 1 day |
pub fn production_tracks() -> Vec<(TrackId, TrackInfo<Balance, BlockNumber>)> {
	vec![
		(ROOT_TRACK, bars(20, 66, 10_000 * UNIT, 7 * DAYS, DAYS)),
		(CREDIT_ADMIN_TRACK, bars(5, 60, 1_000 * UNIT, 3 * DAYS, 6 * HOURS)),
		(VALIDATORS_TRACK, bars(20, 66, 5_000 * UNIT, 7 * DAYS, DAYS)),
		(PARAMETERS_TRACK, bars(5, 60, 1_000 * UNIT, 3 * DAYS, DAYS)),
	]
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{genesis_config_presets, BuildStorage, Runtime, RuntimeGenesisConfig};
	use frame_support::{assert_err, assert_ok, dispatch::GetDispatchInfo};
	use sp_keyring::Sr25519Keyring;
	use sp_runtime::{traits::Dispatchable, DispatchError};

	/// Merges the JSON `patch` into `base`, as the node does with a genesis preset.
	fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
		match (base, patch) {
			(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
				for (key, value) in patch {
					merge(base.entry(key).or_insert(serde_json::Value::Null), value);
				}
			}
			(base, patch) => *base = patch,
		}
	}

	/// Externalities with the genesis state of `preset`. The `production` preset gets a
	/// validator (Alice), as the operators of a new network fill in theirs.
	fn ext(preset: &str) -> sp_io::TestExternalities {
		let patch = genesis_config_presets::get_preset(&preset.into()).expect("preset exists");
		let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("json");
		merge(&mut config, serde_json::from_slice(&patch).expect("json"));
		if preset == "production" {
			let alice = genesis_config_presets::authority(
				Sr25519Keyring::Alice,
				sp_keyring::Ed25519Keyring::Alice,
			);
			let validators = serde_json::json!({
				"validatorSet": { "initialValidators": [alice.0.clone()] },
				"session": { "keys": genesis_config_presets::session_keys(&[alice]) },
			});
			merge(&mut config, validators);
		}
		let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("genesis");
		config.build_storage().expect("genesis builds").into()
	}

	fn dispatch(call: RuntimeCall, origin: RuntimeOrigin) -> Result<(), DispatchError> {
		call.dispatch(origin).map(|_| ()).map_err(|error| error.error)
	}

	fn add_reporter(who: Sr25519Keyring) -> RuntimeCall {
		RuntimeCall::Credit(pallet_credit::Call::add_reporter {
			who: who.to_account_id(),
			name: b"Platform".to_vec(),
		})
	}

	fn set_code() -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::set_code { code: vec![0; 8] })
	}

	#[test]
	fn each_track_origin_is_accepted_by_its_own_calls_only() {
		ext("development").execute_with(|| {
			frame_system::Pallet::<Runtime>::set_block_number(1);
			let credit_admin = || SharechainTracks::origin(CREDIT_ADMIN_TRACK).expect("origin");
			assert_ok!(dispatch(add_reporter(Sr25519Keyring::Eve), credit_admin()));
			assert!(pallet_credit::Reporters::<Runtime>::contains_key(
				Sr25519Keyring::Eve.to_account_id()
			));
			// Root is accepted wherever a track origin is.
			assert_ok!(dispatch(add_reporter(Sr25519Keyring::Ferdie), RuntimeOrigin::root()));

			// Outside its track every track origin below Root is refused.
			let roster = RuntimeCall::Voting(pallet_voting::Call::add_voter {
				voter: Sr25519Keyring::Eve.to_account_id(),
			});
			let set_track = RuntimeCall::Voting(pallet_voting::Call::set_track {
				track: ROOT_TRACK,
				info: bars(0, 0, 1_000 * UNIT, 10, 0),
			});
			for track in [CREDIT_ADMIN_TRACK, VALIDATORS_TRACK, PARAMETERS_TRACK] {
				let origin = || SharechainTracks::origin(track).expect("origin");
				for call in [set_code(), roster.clone(), set_track.clone()] {
					assert_err!(dispatch(call, origin()), DispatchError::BadOrigin);
				}
			}
			for track in [VALIDATORS_TRACK, PARAMETERS_TRACK] {
				let origin = SharechainTracks::origin(track).expect("origin");
				assert_err!(
					dispatch(add_reporter(Sr25519Keyring::Dave), origin),
					DispatchError::BadOrigin
				);
			}

			// The validators track changes the validator set; no other track below Root can.
			let add_bob = || {
				RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
					who: Sr25519Keyring::Bob.to_account_id(),
				})
			};
			for track in [CREDIT_ADMIN_TRACK, PARAMETERS_TRACK] {
				let origin = SharechainTracks::origin(track).expect("origin");
				assert_err!(dispatch(add_bob(), origin), DispatchError::BadOrigin);
			}
			let validators = SharechainTracks::origin(VALIDATORS_TRACK).expect("origin");
			assert_ok!(dispatch(add_bob(), validators));
			assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 2);
			// The last validator cannot be removed.
			let remove = |who: Sr25519Keyring| {
				RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
					who: who.to_account_id(),
				})
			};
			let validators = || SharechainTracks::origin(VALIDATORS_TRACK).expect("origin");
			assert_ok!(dispatch(remove(Sr25519Keyring::Bob), validators()));
			assert_err!(
				dispatch(remove(Sr25519Keyring::Alice), validators()),
				pallet_validator_set::Error::<Runtime>::TooFewValidators
			);

			// No validator can drop its own keys (which could leave no authority).
			let purge = RuntimeCall::Session(pallet_session::Call::purge_keys {});
			let alice = RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id());
			assert_err!(dispatch(purge, alice), frame_system::Error::<Runtime>::CallFiltered);
		});
	}

	#[test]
	fn tracks_carry_only_their_calls() {
		let batch = |calls: Vec<RuntimeCall>| {
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
		};
		let reporter = add_reporter(Sr25519Keyring::Eve);
		assert!(SharechainTracks::allows(CREDIT_ADMIN_TRACK, &reporter));
		assert!(SharechainTracks::allows(CREDIT_ADMIN_TRACK, &batch(vec![reporter.clone()])));
		assert!(!SharechainTracks::allows(CREDIT_ADMIN_TRACK, &set_code()));
		assert!(!SharechainTracks::allows(
			CREDIT_ADMIN_TRACK,
			&batch(vec![reporter.clone(), set_code()])
		));
		let as_root = RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(set_code()) });
		assert!(!SharechainTracks::allows(CREDIT_ADMIN_TRACK, &as_root));
		// An empty batch does nothing: no track below Root carries it.
		assert!(!SharechainTracks::allows(CREDIT_ADMIN_TRACK, &batch(vec![])));
		assert!(!SharechainTracks::allows(VALIDATORS_TRACK, &batch(vec![batch(vec![])])));
		for track in [VALIDATORS_TRACK, PARAMETERS_TRACK] {
			assert!(!SharechainTracks::allows(track, &reporter));
		}
		let add_validator = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
			who: Sr25519Keyring::Eve.to_account_id(),
		});
		assert!(SharechainTracks::allows(VALIDATORS_TRACK, &add_validator));
		assert!(!SharechainTracks::allows(CREDIT_ADMIN_TRACK, &add_validator));
		assert!(!SharechainTracks::allows(PARAMETERS_TRACK, &add_validator));
		assert!(SharechainTracks::allows(ROOT_TRACK, &set_code()));
		assert!(!SharechainTracks::allows(9, &reporter));
		assert!(SharechainTracks::origin(9).is_none());
		// Every track call fits an enactment.
		let max = <Runtime as pallet_voting::Config>::MaxEnactmentWeight::get();
		assert!(reporter.get_dispatch_info().call_weight.all_lte(max));
	}

	#[test]
	fn every_preset_has_the_bars_of_every_track_and_only_dev_has_sudo() {
		for (preset, sudo) in
			[("development", true), ("local_testnet", false), ("production", false)]
		{
			ext(preset).execute_with(|| {
				for (track, name) in SharechainTracks::tracks() {
					assert!(
						pallet_voting::Tracks::<Runtime>::contains_key(track),
						"{preset}: track {name} has no bars"
					);
				}
				assert_eq!(pallet_sudo::Key::<Runtime>::get().is_some(), sudo, "{preset}");
				// Aura and GRANDPA take their authorities from the validators' session keys.
				let validators = pallet_validator_set::Validators::<Runtime>::get();
				assert!(!validators.is_empty(), "{preset}");
				assert_eq!(pallet_session::Validators::<Runtime>::get(), validators.to_vec());
				assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), validators.len());
				assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), validators.len());
			});
		}
	}
}
