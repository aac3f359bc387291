//! Genesis presets: the initial state of the dev chain, the local testnet and a production
//! network.
//!
//! - [`sp_genesis_builder::DEV_RUNTIME_PRESET`] (`development`): Alice is the only validator
//!   and the sudo key; the well-known dev accounts are endowed; the tracks have the short
//!   testnet periods ([`governance::testnet_tracks`]). The only preset with a sudo key.
//! - [`sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET`] (`local_testnet`): Alice, Bob,
//!   Charlie and Dave validate (Aura + GRANDPA); the dev accounts are endowed; no sudo key:
//!   authority comes from the tracks ([`governance::testnet_tracks`]).
//! - [`PRODUCTION_RUNTIME_PRESET`] (`production`): no sudo key, no validators and no balances:
//!   the launching operators fill in `aura`, `grandpa` and `balances` (see
//!   `docs/governance.md`); the tracks have production bars
//!   ([`governance::production_tracks`]).

use crate::{
	governance, AccountId, BalancesConfig, BlockNumber, RuntimeGenesisConfig, SessionConfig,
	SessionKeys, SudoConfig, ValidatorSetConfig, VotingConfig, MINUTES, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Free balance of every endowed dev account: one million SHR.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The name of the production preset.
pub const PRODUCTION_RUNTIME_PRESET: &str = "production";

/// Session length of the dev chain and the local testnet: 10 blocks (30 s), so that a
/// validator set change is seen within a few minutes.
pub const TESTNET_SESSION_PERIOD: BlockNumber = 10;

/// Session length of a production network: 10 minutes.
pub const PRODUCTION_SESSION_PERIOD: BlockNumber = 10 * MINUTES;

/// A genesis validator: its account and its session keys (Aura and GRANDPA).
pub type GenesisValidator = (AccountId, AuraId, GrandpaId);

/// Builds a genesis patch from validators, endowed accounts and the sudo key (`None`: no
/// sudo). The validators' keys go to the session pallet, which hands them to Aura and GRANDPA
/// (their own genesis authorities stay empty).
fn testnet_genesis(
	validators: Vec<GenesisValidator>,
	endowed_accounts: Vec<AccountId>,
	root: Option<AccountId>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig {
			initial_validators: validators.iter().map(|v| v.0.clone()).collect::<Vec<_>>(),
			session_period: TESTNET_SESSION_PERIOD,
		},
		session: SessionConfig { keys: session_keys(&validators) },
		sudo: SudoConfig { key: root },
		voting: VotingConfig { tracks: governance::testnet_tracks() },
	})
}

/// The session pallet's genesis keys of `validators`.
pub fn session_keys(validators: &[GenesisValidator]) -> Vec<(AccountId, AccountId, SessionKeys)> {
	validators
		.iter()
		.map(|(account, aura, grandpa)| {
			let keys = SessionKeys { aura: aura.clone(), grandpa: grandpa.clone() };
			(account.clone(), account.clone(), keys)
		})
		.collect()
}

/// The `production` preset: no sudo key, production track bars and session length; the
/// validators (`validatorSet.initialValidators` and `session.keys`) and balances are left
/// empty for the launching operators to fill in (genesis refuses to build without a
/// validator).
pub fn production_config_genesis() -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		validator_set: ValidatorSetConfig {
			initial_validators: Vec::new(),
			session_period: PRODUCTION_SESSION_PERIOD,
		},
		sudo: SudoConfig { key: None },
		voting: VotingConfig { tracks: governance::production_tracks() },
	})
}

/// A well-known dev validator: its account and its Aura and GRANDPA keys.
pub fn authority(who: Sr25519Keyring, grandpa: Ed25519Keyring) -> GenesisValidator {
	(who.to_account_id(), who.public().into(), grandpa.public().into())
}

/// The well-known dev accounts (Alice .. Ferdie, and their `//stash` accounts).
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect::<Vec<_>>()
}

/// The `development` preset: a single validator, Alice.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// The `local_testnet` preset: four validators, Alice, Bob, Charlie and Dave.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			authority(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
		None,
	)
}

/// Returns the JSON patch of the preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		PRODUCTION_RUNTIME_PRESET => production_config_genesis(),
		_ => return None,
	};
	// Serialising a `serde_json::Value` cannot fail; `None` would only say "no such preset".
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// The names of the available presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_RUNTIME_PRESET),
	]
}
