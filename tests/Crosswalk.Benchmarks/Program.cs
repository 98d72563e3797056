using Crosswalk.Benchmarks;

return await BenchProgram.MainAsync(args, Console.Out, Console.Error);
