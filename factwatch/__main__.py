from factwatch.cli import main

main()
