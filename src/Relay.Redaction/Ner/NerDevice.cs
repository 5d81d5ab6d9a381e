namespace StealthRelay.Redaction.Ner;

/// <summary>Where the NER model runs.</summary>
public enum NerDevice
{
    /// <summary>The CPU execution provider (what the shipped package contains).</summary>
    Cpu,

    /// <summary>
    /// The CUDA execution provider. Needs the ONNX Runtime CUDA provider library and the CUDA/cuDNN libraries next to
    /// the binaries (the GPU build of ONNX Runtime); start-up fails with a clear error where they are missing.
    /// </summary>
    Cuda,
}
