#define BOOST_TEST_MODULE analysis_tests
#include <boost/test/unit_test.hpp>
