using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Redaction;

/// <summary>Validates <see cref="RedactionOptions"/> once at start-up and reports every problem together.</summary>
internal sealed class RedactionOptionsValidator : IValidateOptions<RedactionOptions>
{
    public ValidateOptionsResult Validate(string? name, RedactionOptions options)
    {
        var errors = new List<string>();
        if (options.DetectionTimeout <= TimeSpan.Zero)
        {
            errors.Add("Relay:Redaction:DetectionTimeout must be positive.");
        }

        if (options.Policy is null)
        {
            errors.Add("Relay:Redaction:Policy must be set.");
        }
        else
        {
            errors.AddRange(ValidatePolicy(options.Policy, "Relay:Redaction:Policy"));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Returns the problems of <paramref name="policy"/>; <paramref name="path"/> names it in messages.</summary>
    public static IEnumerable<string> ValidatePolicy(RedactionPolicy policy, string path)
    {
        if (!PlaceholderFormat.TryParse(policy.PlaceholderFormat ?? "", out _, out var formatError))
        {
            yield return $"{path}:PlaceholderFormat: {formatError}";
        }

        if (policy.DefaultMinScore is < 0 or > 1)
        {
            yield return $"{path}:DefaultMinScore must be between 0 and 1.";
        }

        foreach (var (type, score) in policy.MinScores)
        {
            if (score is < 0 or > 1)
            {
                yield return $"{path}:MinScores:{type} must be between 0 and 1.";
            }
        }

        for (var i = 0; i < policy.DenyList.Count; i++)
        {
            var rule = policy.DenyList[i];
            if (string.IsNullOrWhiteSpace(rule.Pattern))
            {
                yield return $"{path}:DenyList:{i}:Pattern must not be empty.";
            }
            else if (rule.IsRegex && !IsValidRegex(rule.Pattern))
            {
                yield return $"{path}:DenyList:{i}:Pattern is not a valid regular expression.";
            }

            if (string.IsNullOrWhiteSpace(rule.EntityType))
            {
                yield return $"{path}:DenyList:{i}:EntityType must not be empty.";
            }
        }
    }

    private static bool IsValidRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
