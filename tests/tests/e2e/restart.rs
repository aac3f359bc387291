//! A dev node stopped and started again on the same base path keeps its chain and state.

use sharechain_e2e::*;
use std::time::Duration;
use subxt_signer::sr25519::dev;

const TIMEOUT: Duration = Duration::from_secs(120);

#[tokio::test]
async fn restart_keeps_height_and_balances() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-restart")?;
	let mut node = Node::start(NodeConfig {
		name: "dev".into(),
		args: vec!["--dev".into()],
		base_path: dir.path().join("dev"),
		ports: Ports::free()?,
	})?;
	let client = Client::connect(&node.ws_url(), TIMEOUT).await?;

	// Change some state, and let it become final.
	let alice = dev::alice();
	let alice_id = alice.public_key().to_account_id();
	let bob_id = dev::bob().public_key().to_account_id();
	let included = client.submit(&transfer_keep_alive(&bob_id, 5_000_000_000_000), &alice).await?;
	assert_eq!(included.outcome, Ok(()));
	let header = client.legacy.chain_get_header(Some(included.block_hash)).await?.expect("header");
	let (finalized_before, finalized_hash) =
		client.wait_finalized(header.number + 1, TIMEOUT).await?;
	let alice_before = client.free_balance(&alice_id, finalized_hash).await?;
	let bob_before = client.free_balance(&bob_id, finalized_hash).await?;
	drop(client);

	node.stop()?;
	node.restart()?;
	let client = Client::connect(&node.ws_url(), TIMEOUT).await?;

	// The chain resumes from where it was, not from genesis.
	let (finalized_after, _) = client.finalized().await?;
	assert!(
		finalized_after >= finalized_before,
		"finalized head went back from #{finalized_before} to #{finalized_after}"
	);
	let same_block = client.legacy.chain_get_block_hash(Some(finalized_before.into())).await?;
	assert_eq!(same_block, Some(finalized_hash), "block #{finalized_before} changed");
	assert_eq!(client.free_balance(&alice_id, finalized_hash).await?, alice_before);
	assert_eq!(client.free_balance(&bob_id, finalized_hash).await?, bob_before);

	// Nothing moved in between, and the restarted node produces and finalizes new blocks.
	let (later, later_hash) = client.wait_finalized(finalized_before + 2, TIMEOUT).await?;
	assert!(later > finalized_before);
	assert_eq!(client.free_balance(&alice_id, later_hash).await?, alice_before);
	assert_eq!(client.free_balance(&bob_id, later_hash).await?, bob_before);
	Ok(())
}
