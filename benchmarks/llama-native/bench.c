// Minimal C reference for the StealthRelay binding benchmark: greedy generation through llama.cpp's C API,
// the same calls and parameters Relay.LlamaBench makes through the C# binding. Prints tokens/second.
// Usage: bench <native-dir> <model.gguf> <n_predict> <n_threads> <runs>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "llama.h"
#include "ggml-backend.h"

static void quiet_log(enum ggml_log_level level, const char * text, void * user_data) {
    (void) level; (void) text; (void) user_data;
}

static double clock_s(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char ** argv) {
    if (argc < 6) {
        fprintf(stderr, "usage: %s <native-dir> <model.gguf> <n_predict> <n_threads> <runs>\n", argv[0]);
        return 2;
    }
    const char * native_dir = argv[1];
    const char * model_path = argv[2];
    const int n_predict = atoi(argv[3]);
    const int n_threads = atoi(argv[4]);
    const int runs = atoi(argv[5]);
    const char * prompt = "Once upon a time";

    llama_log_set(quiet_log, NULL);
    ggml_backend_load_all_from_path(native_dir);
    llama_backend_init();

    struct llama_model_params mparams = llama_model_default_params();
    mparams.n_gpu_layers = 0;
    struct llama_model * model = llama_model_load_from_file(model_path, mparams);
    if (model == NULL) { fprintf(stderr, "model load failed\n"); return 1; }
    const struct llama_vocab * vocab = llama_model_get_vocab(model);

    struct llama_context_params cparams = llama_context_default_params();
    cparams.n_ctx = n_predict + 64;
    cparams.n_batch = 512;
    cparams.n_threads = n_threads;
    cparams.n_threads_batch = n_threads;
    cparams.no_perf = true;
    struct llama_context * ctx = llama_init_from_model(model, cparams);
    if (ctx == NULL) { fprintf(stderr, "context creation failed\n"); return 1; }

    llama_token prompt_tokens[64];
    const int n_prompt = llama_tokenize(vocab, prompt, (int32_t) strlen(prompt), prompt_tokens, 64, true, true);
    if (n_prompt <= 0) { fprintf(stderr, "tokenize failed\n"); return 1; }

    struct llama_sampler_chain_params sparams = llama_sampler_chain_default_params();
    sparams.no_perf = true;
    struct llama_sampler * smpl = llama_sampler_chain_init(sparams);
    llama_sampler_chain_add(smpl, llama_sampler_init_greedy());

    // Run 0 warms up (page faults, caches) and is not counted. Wall time and this thread's CPU time are both
    // measured: with one thread ggml computes on the calling thread, so CPU time is robust on a busy machine.
    double best_tps = 0.0, sum_tps = 0.0, sum_cpu_tps = 0.0;
    unsigned long checksum = 0;
    for (int run = 0; run <= runs; run++) {
        llama_memory_clear(llama_get_memory(ctx), true);
        llama_sampler_reset(smpl);
        const double t0 = clock_s(CLOCK_MONOTONIC);
        const double c0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
        if (llama_decode(ctx, llama_batch_get_one(prompt_tokens, n_prompt)) != 0) { fprintf(stderr, "decode failed\n"); return 1; }
        checksum = 0;
        for (int i = 0; i < n_predict; i++) {
            llama_token tok = llama_sampler_sample(smpl, ctx, -1);
            checksum = checksum * 31 + (unsigned long) tok;
            char piece[64];
            (void) llama_token_to_piece(vocab, tok, piece, sizeof piece, 0, false);
            if (llama_decode(ctx, llama_batch_get_one(&tok, 1)) != 0) { fprintf(stderr, "decode failed\n"); return 1; }
        }
        const double cpu_tps = n_predict / (clock_s(CLOCK_THREAD_CPUTIME_ID) - c0);
        const double tps = n_predict / (clock_s(CLOCK_MONOTONIC) - t0);
        if (run == 0) { continue; }
        sum_tps += tps;
        sum_cpu_tps += cpu_tps;
        if (tps > best_tps) { best_tps = tps; }
    }
    printf("c                prompt_tokens=%d n_predict=%d threads=%d runs=%d mean_tps=%.1f best_tps=%.1f cpu_tps=%.1f checksum=%lu\n",
        n_prompt, n_predict, n_threads, runs, sum_tps / runs, best_tps, sum_cpu_tps / runs, checksum);

    llama_sampler_free(smpl);
    llama_free(ctx);
    llama_model_free(model);
    llama_backend_free();
    return 0;
}
