from mentorlog.cli.entry import main

main()
