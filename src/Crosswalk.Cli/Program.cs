using Crosswalk.Cli;

return CrosswalkCli.Run(args, Console.Out, Console.Error);
