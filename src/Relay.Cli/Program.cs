using StealthRelay.Cli;

return await RelayCommand.RunAsync(args, Console.In, Console.Out, Console.Error, CancellationToken.None);
