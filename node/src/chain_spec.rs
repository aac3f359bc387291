//! Chain specifications built from the runtime's genesis presets.

use sc_service::ChainType;
use sharechain_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};

/// Sharechain's chain specification (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token and address properties shown by wallets (polkadot.js reads them).
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime WASM binary is not available (built with SKIP_WASM_BUILD?)".to_string()
	})
}

/// The `dev` chain: Alice validates alone.
pub fn development_config() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Sharechain Development")
		.with_id("sharechain_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The `local` chain: Alice, Bob, Charlie and Dave validate.
pub fn local_testnet_config() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Sharechain Local Testnet")
		.with_id("sharechain_local_testnet")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The `production` chain: no sudo key and production track bars, but also no validators and
/// no balances. It is the starting point of a new network: export it with
/// `build-spec --chain production`, fill in the validators' keys and the initial balances,
/// then share the raw spec (see `docs/governance.md`).
pub fn production_config() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Sharechain")
		.with_id("sharechain")
		.with_chain_type(ChainType::Live)
		.with_genesis_config_preset_name(
			sharechain_runtime::genesis_config_presets::PRODUCTION_RUNTIME_PRESET,
		)
		.with_properties(properties())
		.build())
}
