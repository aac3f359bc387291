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
	governance, AccountId, BalancesConfig, RuntimeGenesisConfig, SudoConfig, VotingConfig, UNIT,
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

/// Builds a genesis patch from validators (Aura and GRANDPA keys), endowed accounts and the
/// sudo key (`None`: no sudo).
fn testnet_genesis(
	initial_authorities: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	root: Option<AccountId>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: root },
		voting: VotingConfig { tracks: governance::testnet_tracks() },
	})
}

/// The `production` preset: no sudo key, production track bars; validators and balances are
/// left empty for the launching operators to fill in.
pub fn production_config_genesis() -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		sudo: SudoConfig { key: None },
		voting: VotingConfig { tracks: governance::production_tracks() },
	})
}

/// The Aura and GRANDPA keys of a well-known dev validator.
fn authority(who: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(who.public().into(), grandpa.public().into())
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
