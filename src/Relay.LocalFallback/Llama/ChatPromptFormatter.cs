using System.Runtime.InteropServices;
using System.Text;
using StealthRelay.LocalFallback.Native;
using StealthRelay.LocalFallback.Protocols;

namespace StealthRelay.LocalFallback.Llama;

/// <summary>
/// Turns a conversation into the model's prompt with <c>llama_chat_apply_template</c> and the template stored in the
/// GGUF. llama.cpp recognises the common templates (ChatML, Llama 2/3, Mistral, Gemma, Phi, ...) by their text;
/// when the model has no template, or one llama.cpp does not recognise, a plain transcript is used instead:
/// one <c>role: content</c> line per message, then <c>assistant:</c>, which base models continue naturally.
/// </summary>
internal static unsafe class ChatPromptFormatter
{
    public static string Format(LlamaModel model, IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Format(model.ChatTemplate, messages);
    }

    /// <summary>Applies <paramref name="template"/> (a template text or a llama.cpp built-in name such as <c>chatml</c>), or the fallback when it is null or unknown.</summary>
    public static string Format(string? template, IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return template is not null && TryApplyTemplate(template, messages, out var prompt) ? prompt : FormatFallback(messages);
    }

    public static string FormatFallback(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var prompt = new StringBuilder();
        foreach (var message in messages)
        {
            prompt.Append(message.Role).Append(": ").Append(message.Content).Append('\n');
        }

        return prompt.Append("assistant:").ToString();
    }

    private static bool TryApplyTemplate(string template, IReadOnlyList<ChatMessage> messages, out string prompt)
    {
        // One NUL-terminated UTF-8 block holds the template and every role/content string for the native call.
        var strings = new List<byte[]>(messages.Count * 2 + 1) { Utf8Z(template) };
        var totalLength = 0;
        foreach (var message in messages)
        {
            strings.Add(Utf8Z(message.Role));
            strings.Add(Utf8Z(message.Content));
            totalLength += message.Role.Length + message.Content.Length;
        }

        var handles = new GCHandle[strings.Count];
        try
        {
            for (var i = 0; i < strings.Count; i++)
            {
                handles[i] = GCHandle.Alloc(strings[i], GCHandleType.Pinned);
            }

            var chat = new LlamaChatMessage[messages.Count];
            for (var i = 0; i < messages.Count; i++)
            {
                chat[i].Role = (byte*)handles[1 + 2 * i].AddrOfPinnedObject();
                chat[i].Content = (byte*)handles[2 + 2 * i].AddrOfPinnedObject();
            }

            var buffer = new byte[Math.Max(256, totalLength * 2 + 256)];
            var templatePtr = (byte*)handles[0].AddrOfPinnedObject();
            fixed (LlamaChatMessage* chatPtr = chat)
            {
                var length = Apply(templatePtr, chatPtr, chat.Length, buffer);
                if (length > buffer.Length)
                {
                    buffer = new byte[length];
                    length = Apply(templatePtr, chatPtr, chat.Length, buffer);
                }

                if (length < 0)
                {
                    prompt = string.Empty;
                    return false;
                }

                prompt = Encoding.UTF8.GetString(buffer, 0, length);
                return true;
            }
        }
        finally
        {
            foreach (var handle in handles)
            {
                if (handle.IsAllocated)
                {
                    handle.Free();
                }
            }
        }
    }

    private static int Apply(byte* template, LlamaChatMessage* chat, int count, byte[] buffer)
    {
        fixed (byte* output = buffer)
        {
            return NativeMethods.llama_chat_apply_template(template, chat, (nuint)count, true, output, buffer.Length);
        }
    }

    private static byte[] Utf8Z(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
