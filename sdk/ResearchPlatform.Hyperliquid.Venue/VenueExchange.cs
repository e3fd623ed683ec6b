using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Signing;
using ResearchPlatform.Hyperliquid.Wire;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>
/// POST /exchange: recovers the signer from every signature (L1 actions after canonical re-serialization, user-signed
/// actions as EIP-712), refuses unknown signers with the exchange's "User or API Wallet ... does not exist.", checks
/// the nonce per signer, then applies the action. Counts what it refused for tests and reports.
/// </summary>
internal sealed class VenueExchange(VenueEngine engine)
{
    private long _badSignatures, _badNonces;

    public long BadSignatures => Interlocked.Read(ref _badSignatures);

    public long BadNonces => Interlocked.Read(ref _badNonces);

    /// <summary>The response, or null for a body the exchange cannot deserialize (HTTP 422).</summary>
    public JsonObject? Handle(JsonObject body)
    {
        if (body["action"] is not JsonObject action || action["type"]?.GetValue<string>() is not { } type
            || !JsonNumbers.TryGetInt64(body["nonce"], out var nonce))
        {
            return null;
        }

        EcdsaSignature signature;
        try
        {
            signature = EcdsaSignature.FromJson(body["signature"]);
        }
        catch (FormatException)
        {
            return null;
        }

        if (UserSignedType.ByActionType.ContainsKey(type))
        {
            return UserSigned(action, nonce, signature);
        }

        if (!CanonicalAction.IsKnown(type))
        {
            return null;
        }

        JsonObject canonical;
        string? vault = body["vaultAddress"]?.GetValue<string>();
        long? expires = JsonNumbers.TryGetInt64(body["expiresAfter"], out var e) ? e : null;
        string? signer;
        try
        {
            canonical = CanonicalAction.Rebuild(action);
            signer = L1ActionSigner.RecoverSigner(canonical, (ulong)nonce, vault, (ulong?)expires, engine.Options.Network, signature);
        }
        catch (FormatException)
        {
            return null;
        }

        lock (engine.Gate)
        {
            var account = signer is null ? null : engine.AccountOfSigner(signer);
            if (account is null)
            {
                Interlocked.Increment(ref _badSignatures);
                return VenueJson.Err($"User or API Wallet {signer ?? "0x0000000000000000000000000000000000000000"} does not exist.");
            }

            if (engine.UseNonce(signer!, nonce) is { } nonceError)
            {
                Interlocked.Increment(ref _badNonces);
                return VenueJson.Err(nonceError);
            }

            if (expires is { } x && x < engine.Time.GetUtcNow().ToUnixTimeMilliseconds())
            {
                return VenueJson.Err($"Action expired: expiresAfter {x}");
            }

            var target = vault is null ? account : engine.Account(vault) ?? account;
            return new VenueOrders(engine).Apply(target, canonical);
        }
    }

    private JsonObject UserSigned(JsonObject action, long nonce, EcdsaSignature signature)
    {
        var chain = engine.Options.Network == HyperliquidNetwork.Mainnet ? "Mainnet" : "Testnet";
        if (action["hyperliquidChain"]?.GetValue<string>() != chain)
        {
            return VenueJson.Err($"Invalid hyperliquidChain: expected {chain}");
        }

        string? signer;
        ulong actionNonce;
        try
        {
            var prepared = (JsonObject)action.DeepClone();
            if (UserSignedActionSigner.TypeOf(prepared).ActionType == "approveAgent")
            {
                prepared["agentName"] ??= "";
            }

            signer = UserSignedActionSigner.RecoverSigner(prepared, signature);
            actionNonce = UserSignedActionSigner.NonceOf(prepared);
        }
        catch (FormatException ex)
        {
            return VenueJson.Err(ex.Message);
        }

        lock (engine.Gate)
        {
            var account = signer is null ? null : engine.Account(signer);
            if (account is null)
            {
                Interlocked.Increment(ref _badSignatures);
                return VenueJson.Err($"User or API Wallet {signer} does not exist.");
            }

            if ((long)actionNonce != nonce)
            {
                Interlocked.Increment(ref _badNonces);
                return VenueJson.Err($"Invalid nonce: {nonce} differs from the action's {actionNonce}");
            }

            if (engine.UseNonce(signer!, nonce) is { } nonceError)
            {
                Interlocked.Increment(ref _badNonces);
                return VenueJson.Err(nonceError);
            }

            if (action["type"]!.GetValue<string>() == "approveAgent")
            {
                engine.ApproveAgent(account.Address, action["agentAddress"]!.GetValue<string>());
            }

            return VenueJson.Ok("default");
        }
    }
}
