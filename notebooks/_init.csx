// Shared setup, loaded by the first cell of every notebook: #load "_init.csx".
// References the platform's assemblies from the host's build output (./rp builds it in Release). `rp notebook run`
// shares its own loaded copies of these assemblies with the notebook (one Sdk, one native DuckDB), and falls back to
// the file beside rp.dll when this path does not exist (a Debug or test build).
// `using` directives in a #load'ed file do not carry over to later cells: put them in the notebook's first cell.
#r "../host/ResearchPlatform.Host/bin/Release/net10.0/ResearchPlatform.Sdk.dll"
#r "../host/ResearchPlatform.Host/bin/Release/net10.0/ResearchPlatform.Engine.dll"
#r "../host/ResearchPlatform.Host/bin/Release/net10.0/rp.dll"
#r "../host/ResearchPlatform.Host/bin/Release/net10.0/DuckDB.NET.Data.dll"
#r "../host/ResearchPlatform.Host/bin/Release/net10.0/DuckDB.NET.Bindings.dll"
#r "../host/ResearchPlatform.Host/bin/Release/net10.0/Apache.Arrow.dll"
#r "../host/ResearchPlatform.Host/bin/Release/net10.0/ScottPlot.dll"
#r "../host/ResearchPlatform.Host/bin/Release/net10.0/SkiaSharp.dll"
#load "_helpers.csx"
