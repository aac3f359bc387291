//! A `--dev` node: block production and finality, transfers, and rejected input.

use sharechain_e2e::*;
use std::time::Duration;
use subxt::{rpcs::rpc_params, utils::MultiSignature};
use subxt_signer::sr25519::dev;

const TIMEOUT: Duration = Duration::from_secs(120);
/// One SHR.
const UNIT: u128 = 1_000_000_000_000;

/// Starts a single-validator dev node in a fresh temporary directory.
fn dev_node(dir: &tempfile::TempDir) -> anyhow::Result<Node> {
	Node::start(NodeConfig {
		name: "dev".into(),
		args: vec!["--dev".into()],
		base_path: dir.path().join("dev"),
		ports: Ports::free()?,
	})
}

#[tokio::test]
async fn dev_node_produces_and_finalizes_blocks() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-dev")?;
	let node = dev_node(&dir)?;
	let client = Client::connect(&node.ws_url(), TIMEOUT).await?;

	let (first, _) = client.wait_finalized(2, TIMEOUT).await?;
	let best = client.best_number().await?;
	assert!(best >= first, "best #{best} behind finalized #{first}");

	// The finalized head keeps advancing.
	let (later, _) = client.wait_finalized(first + 2, TIMEOUT).await?;
	assert!(later >= first + 2);

	// Standard RPC namespaces answer.
	let chain: String = client.rpc.request("system_chain", rpc_params![]).await?;
	assert_eq!(chain, "Sharechain Development");
	let version: serde_json::Value =
		client.rpc.request("state_getRuntimeVersion", rpc_params![]).await?;
	assert_eq!(version["specName"], "sharechain");
	Ok(())
}

#[tokio::test]
async fn transfer_moves_amount_and_charges_fee() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-dev")?;
	let node = dev_node(&dir)?;
	let client = Client::connect(&node.ws_url(), TIMEOUT).await?;
	client.wait_best(1, TIMEOUT).await?;

	let alice = dev::alice();
	let alice_id = alice.public_key().to_account_id();
	let bob_id = dev::bob().public_key().to_account_id();
	let amount = 12 * UNIT + 345;

	let included = client.submit(&transfer_keep_alive(&bob_id, amount), &alice).await?;
	assert_eq!(included.outcome, Ok(()));
	assert!(included.fee > 0, "a signed transfer pays a fee");

	// Compare the state of the inclusion block with its parent's.
	let header = client
		.legacy
		.chain_get_header(Some(included.block_hash))
		.await?
		.expect("inclusion block header");
	let parent = header.parent_hash;
	let alice_before = client.free_balance(&alice_id, parent).await?;
	let bob_before = client.free_balance(&bob_id, parent).await?;
	let alice_after = client.free_balance(&alice_id, included.block_hash).await?;
	let bob_after = client.free_balance(&bob_id, included.block_hash).await?;

	assert_eq!(bob_after, bob_before + amount);
	assert_eq!(alice_after, alice_before - amount - included.fee);

	// And the transfer becomes final.
	let inclusion_number = header.number;
	client.wait_finalized(inclusion_number, TIMEOUT).await?;
	let finalized_at = client.legacy.chain_get_block_hash(Some(inclusion_number.into())).await?;
	assert_eq!(finalized_at, Some(included.block_hash));
	Ok(())
}

#[tokio::test]
async fn transfers_beyond_the_balance_move_nothing() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-dev")?;
	let node = dev_node(&dir)?;
	let client = Client::connect(&node.ws_url(), TIMEOUT).await?;
	client.wait_best(1, TIMEOUT).await?;

	let alice = dev::alice();
	let alice_id = alice.public_key().to_account_id();
	let bob_id = dev::bob().public_key().to_account_id();

	// 1. An account with nothing at all: the node refuses the transaction before it reaches
	//    a block (it cannot even pay the fee), and no balance changes.
	let pauper = subxt_signer::sr25519::Keypair::from_secret_key([7u8; 32])?;
	let pauper_id = pauper.public_key().to_account_id();
	let best = client.best_hash().await?;
	let bob_before = client.free_balance(&bob_id, best).await?;
	let err = client
		.submit(&transfer_keep_alive(&bob_id, 10 * UNIT), &pauper)
		.await
		.expect_err("a transfer from an empty account must be rejected");
	assert!(err.to_string().contains("Inability to pay some fees"), "unexpected rejection: {err}");
	let best = client.best_hash().await?;
	assert_eq!(client.free_balance(&bob_id, best).await?, bob_before);
	assert_eq!(client.free_balance(&pauper_id, best).await?, 0);

	// 2. A funded account sending more than it has: the transaction is included (and pays
	//    its fee, as every included transaction does), the transfer fails with the runtime's
	//    error, and the amount does not move.
	let parent = client.best_hash().await?;
	let alice_free = client.free_balance(&alice_id, parent).await?;
	let included = client.submit(&transfer_keep_alive(&bob_id, alice_free * 2), &alice).await?;
	let error = included.outcome.expect_err("transfer beyond the balance must fail");
	assert!(error.contains("FundsUnavailable"), "unexpected dispatch error: {error}");
	let header = client
		.legacy
		.chain_get_header(Some(included.block_hash))
		.await?
		.expect("inclusion block header");
	let alice_before = client.free_balance(&alice_id, header.parent_hash).await?;
	let bob_before = client.free_balance(&bob_id, header.parent_hash).await?;
	assert_eq!(client.free_balance(&bob_id, included.block_hash).await?, bob_before);
	assert_eq!(
		client.free_balance(&alice_id, included.block_hash).await?,
		alice_before - included.fee
	);
	Ok(())
}

#[tokio::test]
async fn bad_signature_is_rejected() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-dev")?;
	let node = dev_node(&dir)?;
	let client = Client::connect(&node.ws_url(), TIMEOUT).await?;
	client.wait_best(1, TIMEOUT).await?;

	let alice_id = dev::alice().public_key().to_account_id();
	let bob_id = dev::bob().public_key().to_account_id();
	let best = client.best_hash().await?;
	let alice_before = client.free_balance(&alice_id, best).await?;
	let bob_before = client.free_balance(&bob_id, best).await?;

	// Alice's transfer, "signed" with a signature that is not hers.
	let at = client.at(best).await?;
	let params = subxt::config::DefaultExtrinsicParamsBuilder::<Config>::new().build();
	let call = transfer_keep_alive(&bob_id, UNIT);
	let mut signable = at.tx().create_signable(&call, &alice_id, params).await?;
	let forged =
		signable.sign_with_account_and_signature(&alice_id, &MultiSignature::Sr25519([7u8; 64]))?;

	let err = client
		.legacy
		.author_submit_extrinsic(forged.encoded())
		.await
		.expect_err("a forged signature must be rejected");
	let text = format!("{err:?}");
	assert!(text.contains("1010"), "expected JSON-RPC error 1010, got {text}");
	assert!(text.contains("bad signature"), "expected a bad-signature reason, got {text}");

	// Nothing moved, and the chain goes on.
	let number = client.best_number().await?;
	client.wait_best(number + 2, TIMEOUT).await?;
	let best = client.best_hash().await?;
	assert_eq!(client.free_balance(&alice_id, best).await?, alice_before);
	assert_eq!(client.free_balance(&bob_id, best).await?, bob_before);
	Ok(())
}

#[tokio::test]
async fn malformed_extrinsic_gets_rpc_error_and_chain_continues() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-dev")?;
	let node = dev_node(&dir)?;
	let client = Client::connect(&node.ws_url(), TIMEOUT).await?;
	client.wait_best(1, TIMEOUT).await?;

	for garbage in ["0x1234", "0x", "0xffffffffffffffff00", "not hex"] {
		let result: Result<serde_json::Value, _> =
			client.rpc.request("author_submitExtrinsic", rpc_params![garbage]).await;
		match result {
			Err(subxt::rpcs::Error::User(e)) => {
				assert!(e.code != 0 && !e.message.is_empty(), "empty error for {garbage}");
			}
			other => panic!("{garbage}: expected a JSON-RPC error, got {other:?}"),
		}
	}

	// The node is still healthy and still producing and finalizing blocks.
	let number = client.best_number().await?;
	client.wait_best(number + 2, TIMEOUT).await?;
	let (finalized, _) = client.finalized().await?;
	client.wait_finalized(finalized + 1, TIMEOUT).await?;
	Ok(())
}
