using System.Runtime.CompilerServices;

// Every native struct is declared blittable (C bool = 1-byte bool field), so runtime marshalling is switched off and
// the source-generated [LibraryImport] stubs pass them by value exactly as llama.h lays them out.
[assembly: DisableRuntimeMarshalling]
