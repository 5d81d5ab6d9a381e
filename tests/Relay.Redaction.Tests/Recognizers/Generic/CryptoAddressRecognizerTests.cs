using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

/// <summary>
/// Wallet addresses: the published examples of BIP 173 and BIP 350, well-known Bitcoin and Tron addresses, and
/// Base58Check / Bech32 addresses of other versions built by an independent encoder (Python's hashlib and the BIPs'
/// reference algorithm) for this table.
/// </summary>
public sealed class CryptoAddressRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new CryptoAddressRecognizer();

    protected override string EntityType => EntityTypes.Crypto;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Send 0.1 BTC to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT please", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
        Hit("genesis: 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa.", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
        Hit("multisig 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
        Hit("burn address 1111111111111111111114oLvT2", "1111111111111111111114oLvT2"), // leading zero bytes as leading 1s
        Hit("USDT (TRC20): TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
        Hit("LTC LZFEJASYo9PjgMnRrNNhSEMNdDSFfH96eE", "LZFEJASYo9PjgMnRrNNhSEMNdDSFfH96eE"),
        Hit("doge DKANaD5N1u3xxZGsQpNxhyTDJ8oGqzQ42f", "DKANaD5N1u3xxZGsQpNxhyTDJ8oGqzQ42f"),
        Hit("testnet muYEL1DhXWawCfZtPoMmz8VwGzfgSFKdrV", "muYEL1DhXWawCfZtPoMmz8VwGzfgSFKdrV"),
        Hit("segwit bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
        Hit("SEGWIT BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"),
        Hit("p2wsh tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7"),
        Hit("taproot: bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"),
        Hit("ltc1q94c3vs4hy6cygqtz0j5lhtpj7hy9xra35jqzmw", "ltc1q94c3vs4hy6cygqtz0j5lhtpj7hy9xra35jqzmw"),
        Hit("https://mempool.space/address/bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
        Hit("ETH 0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe", "0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe", 0.6, 0.6),
        Hit("to: 0x52908400098527886e0f7030069857d2e4169ee7,", "0x52908400098527886e0f7030069857d2e4169ee7", 0.6, 0.6),
        Hits("1BoatSLRHtKNngkdXEeobR76b53LETtpyT or bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no address here"),
        None("commit 3f786850e387550fdab836ed7e6dc881de23001b"), // SHA-1: 40 hex, no 0x
        None("request 550e8400e29b41d4a716446655440000"), // a UUID without dashes
        None("Rindfleischetikettierungsueberwachungsaufgaben"),
        None("token ABCDEFGHJKLMNPQRSTUVWXYZabcdefghij"),
        None("bc1 is a prefix"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("Send to 1BoatSLRHtKNngkdXEeobR76b53LETtpyU"), // last character changed: check bytes fail
        None("Send to 1BoatSLRHtKNngkdXEeobR76b53LETtpT"), // one character dropped
        None("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"),
        None("bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"), // mixed case
        None("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd"), // version 1 with a Bech32 (not Bech32m) checksum
        None("xx1BoatSLRHtKNngkdXEeobR76b53LETtpyT"), // glued to a word
        None("_1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
        None("é1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
        None("0x52908400098527886e0f7030069857d2e4169ee"), // 39 hex digits
        None("0x52908400098527886e0f7030069857d2e4169ee7a"), // 41
        None("0x52908400098527886e0f7030069857d2e4169eeg"),
    ];

    [Fact]
    public void Analyze_AddressAtEveryOffset_IsFound()
    {
        // The scan reads only the runs through every 25th position: an address must be found wherever it starts, also
        // the shortest one (27 characters here) and one right after another long run.
        var recognizer = new CryptoAddressRecognizer();
        foreach (var address in new[] { "1111111111111111111114oLvT2", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT" })
        {
            for (var offset = 0; offset <= 60; offset++)
            {
                foreach (var filler in new[] { new string(' ', offset), string.Concat(Enumerable.Repeat("ab ", offset))[..offset] + " ", new string('z', offset) + " " })
                {
                    var text = filler + address + " ok";
                    var results = new List<EntitySpan>();

                    recognizer.Analyze(text, results);

                    var span = Assert.Single(results);
                    Assert.Equal(address, text[span.Start..span.End]);
                }
            }
        }
    }
}
