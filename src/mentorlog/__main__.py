from mentorlog.cli.app import main

main()
