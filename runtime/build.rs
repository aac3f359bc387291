//! Builds the runtime to WASM with the metadata hash embedded, so that
//! `CheckMetadataHash` can be verified by offline signers (Ledger, Polkadot Vault).

fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("SHR", 12)
		.build();
}
